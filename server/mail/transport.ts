import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import type { MailConfig } from './config.ts';

export interface OutgoingMail {
  id: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  unsubscribeUrl: string;
}

/** Hands one mail on: resolves once the relay accepted it (or the file is written), rejects otherwise. */
export type MailTransport = (mail: OutgoingMail) => Promise<void>;

/** The folder the .eml files go to when no SMTP relay is configured. */
export const mailDir = (dataDir: string) => join(dataDir, 'mail');

/**
 * SMTP through nodemailer when `PARLEY_SMTP_URL` is set; otherwise nodemailer builds the same raw
 * message and it is written to `<dataDir>/mail/<id>.eml` (written to a temporary name, then renamed,
 * so a crash leaves no half file and a resend replaces rather than doubles it).
 */
export function createMailTransport(config: MailConfig, dataDir: string): MailTransport {
  const transport = config.smtpUrl
    ? nodemailer.createTransport({
      url: config.smtpUrl,
      connectionTimeout: config.timeoutMs, greetingTimeout: config.timeoutMs, socketTimeout: config.timeoutMs,
    })
    : nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  const dir = mailDir(dataDir);
  return async (mail) => {
    const info = await transport.sendMail({
      from: config.from,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      // The same Message-ID on every attempt, so a receiver can tell a resend from a new mail.
      messageId: `<${mail.id}@parley>`,
      headers: {
        'Auto-Submitted': 'auto-generated',
        'X-Parley-Mail': mail.id,
        'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
      },
      // RFC 8058 one-click: the mail client POSTs to the link.
      list: { unsubscribe: { url: mail.unsubscribeUrl, comment: 'unsubscribe' } },
    });
    if (config.smtpUrl) return;
    await mkdir(dir, { recursive: true });
    const file = join(dir, `${mail.id}.eml`);
    await writeFile(`${file}.tmp`, (info as { message: Buffer }).message);
    await rename(`${file}.tmp`, file);
  };
}
