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

/** A customer's reply on a member's ticket while that member is not online. Staff mail is in English. */
export function customerReplyMail(t: { customerName: string | null; category: string; body: string; consoleUrl: string }, unsubscribeUrl: string): RenderedMail {
  const who = t.customerName ?? 'The visitor';
  return layout('en', `New reply: ${t.category}`, [
    { p: `${who} replied on your ticket while you were away.` },
    { quote: t.body, by: who },
    { link: t.consoleUrl, label: 'Open the ticket' },
  ], unsubscribeUrl);
}

/** Staff replies the customer has not read, with the way back to the conversation. */
export function unreadReplyMail(locale: MailLocale, t: { messages: { by: string; body: string }[]; resumeUrl: string | null }, unsubscribeUrl: string): RenderedMail {
  const quotes = t.messages.map((m) => ({ quote: m.body, by: m.by }));
  if (locale === 'ar') {
    return layout(locale, 'لديك رد جديد من فريق الدعم', [
      { p: 'ردّ فريق الدعم على محادثتك ولم تقرأ الرد بعد:' },
      ...quotes,
      ...(t.resumeUrl ? [{ link: t.resumeUrl, label: 'تابع المحادثة' }] : []),
    ], unsubscribeUrl);
  }
  return layout(locale, 'You have a new reply from support', [
    { p: 'Support replied to your conversation and you have not read it yet:' },
    ...quotes,
    ...(t.resumeUrl ? [{ link: t.resumeUrl, label: 'Continue the conversation' }] : []),
  ], unsubscribeUrl);
}

/** The whole public conversation of a closed ticket. */
export function transcriptMail(locale: MailLocale, t: { category: string; description: string; customer: string; messages: { by: string; body: string; at: string }[] }, unsubscribeUrl: string): RenderedMail {
  const quotes = [{ quote: t.description, by: t.customer }, ...t.messages.map((m) => ({ quote: m.body, by: `${m.by} · ${m.at}` }))];
  if (locale === 'ar') {
    return layout(locale, `نص محادثتك: ${t.category}`, [{ p: 'أُغلقت تذكرتك. هذه المحادثة كاملة:' }, ...quotes], unsubscribeUrl);
  }
  return layout(locale, `Your conversation: ${t.category}`, [{ p: 'Your ticket was closed. Here is the whole conversation:' }, ...quotes], unsubscribeUrl);
}
