/** Mail locales: the widget's languages. Anything else is mailed in English. */
export type MailLocale = 'en' | 'ar';

export const mailLocale = (locale: string | null | undefined): MailLocale => (locale?.toLowerCase().startsWith('ar') ? 'ar' : 'en');

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const FOOTER: Record<MailLocale, string> = {
  en: 'Stop these emails',
  ar: 'إيقاف هذه الرسائل',
};

/** A block of a mail: a paragraph, or a quoted message with who wrote it. */
export type Block = { p: string } | { quote: string; by: string } | { link: string; label: string };

/**
 * Plain text and simple HTML of the same blocks (no images, no remote content, inline styles only,
 * which mail clients keep), right-to-left for Arabic, with the unsubscribe link last.
 */
export function layout(locale: MailLocale, subject: string, blocks: Block[], unsubscribeUrl: string): RenderedMail {
  const text = [
    ...blocks.map((b) => ('p' in b ? b.p : 'quote' in b ? `${b.by}:\n${b.quote.split('\n').map((l) => `> ${l}`).join('\n')}` : `${b.label}: ${b.link}`)),
    `--\n${FOOTER[locale]}: ${unsubscribeUrl}`,
  ].join('\n\n');
  const html = [
    `<!doctype html><html lang="${locale}" dir="${locale === 'ar' ? 'rtl' : 'ltr'}"><head><meta charset="utf-8"><title>${escape(subject)}</title></head>`,
    '<body style="font-family:system-ui,sans-serif;line-height:1.5;color:#1f2328;max-width:36em">',
    ...blocks.map((b) => ('p' in b
      ? `<p>${escape(b.p)}</p>`
      : 'quote' in b
        ? `<p style="margin-bottom:0"><strong>${escape(b.by)}</strong></p><blockquote style="margin:0 0 1em;padding:0 1em;border-inline-start:3px solid #d0d7de;white-space:pre-wrap">${escape(b.quote)}</blockquote>`
        : `<p><a href="${escape(b.link)}">${escape(b.label)}</a></p>`)),
    `<hr><p style="font-size:small"><a href="${escape(unsubscribeUrl)}">${FOOTER[locale]}</a></p></body></html>`,
  ].join('\n');
  return { subject, text, html };
}
