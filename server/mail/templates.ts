import { layout, type MailLocale, type RenderedMail } from './layout.ts';

/** A new ticket, mailed to members who opted in while no member is online. */
export function newTicketMail(locale: MailLocale, t: { customerName: string | null; category: string; description: string; consoleUrl: string }, unsubscribeUrl: string): RenderedMail {
  const who = t.customerName ?? (locale === 'ar' ? 'زائر' : 'A visitor');
  if (locale === 'ar') {
    return layout(locale, `تذكرة جديدة: ${t.category}`, [
      { p: `فتح ${who} تذكرة جديدة ولا يوجد أحد من الفريق متصلاً.` },
      { quote: t.description, by: who },
      { link: t.consoleUrl, label: 'افتح التذكرة' },
    ], unsubscribeUrl);
  }
  return layout(locale, `New ticket: ${t.category}`, [
    { p: `${who} opened a new ticket and no member is online.` },
    { quote: t.description, by: who },
    { link: t.consoleUrl, label: 'Open the ticket' },
  ], unsubscribeUrl);
}
