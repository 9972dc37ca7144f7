import { afterAll, beforeAll } from 'vitest';
import type { MailConfig } from '../mail/config.ts';
import { cast } from './api.ts';
import { startSmtpReceiver, type SmtpReceiver } from './smtp-receiver.ts';
import { startTestServer, type TestServer } from './test-server.ts';

/** Quick clocks for tests; no unread-reply mail unless a test shortens `emailAfterMs`. */
export const TEST_MAIL: MailConfig = {
  smtpUrl: null, from: 'support@shop.test', pollMs: 50, backoffMs: 50, retryForMs: 60_000, timeoutMs: 2000, concurrency: 4, emailAfterMs: 3_600_000,
};

export interface MailServer { smtp: SmtpReceiver; server: TestServer; c: Awaited<ReturnType<typeof cast>> }

/**
 * One test server per file that mails through a real SMTP server in the test process, with an admin,
 * a member, a site and a customer (`cast`). Filled in by a beforeAll; closed after the file's tests.
 */
export function useMailServer(mail: Partial<MailConfig> = {}): MailServer {
  const f = {} as MailServer;
  beforeAll(async () => {
    f.smtp = await startSmtpReceiver();
    f.server = await startTestServer({ config: { mail: { ...TEST_MAIL, ...mail, smtpUrl: f.smtp.url } } });
    f.c = await cast(f.server.url, f.server.admin);
  });
  afterAll(async () => {
    await f.server?.close();
    await f.smtp?.close();
  });
  return f;
}

/** The mails the SMTP server accepted for `email`. */
export const deliveredTo = (smtp: SmtpReceiver, email: string) => smtp.delivered.filter((d) => d.mail.to && 'text' in d.mail.to && d.mail.to.text === email);
