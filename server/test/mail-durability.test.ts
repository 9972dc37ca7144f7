import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OutboxList, Site, User } from '../../protocol/index.ts';
import { ApiClient, newTicket } from '../testing/api.ts';
import { freshDatabase } from '../testing/fresh-database.ts';
import { startSmtpReceiver, type SmtpReceiver } from '../testing/smtp-receiver.ts';
import { spawnServer } from '../testing/spawn-server.ts';

const ADMIN = { PARLEY_ADMIN_EMAIL: 'admin@example.test', PARLEY_ADMIN_PASSWORD: 'admin-password-123' };
const MAIL = { PARLEY_MAIL_POLL_MS: '50', PARLEY_MAIL_BACKOFF_MS: '100', PARLEY_MAIL_TIMEOUT_MS: '1000', PARLEY_LOG: 'silent' };
const TICKETS = 8;

/** A member who opted in to new-ticket mail, and TICKETS new tickets while nobody is online: TICKETS mails. */
async function traffic(base: string) {
  const admin = await ApiClient.staff(base, ADMIN.PARLEY_ADMIN_EMAIL, ADMIN.PARLEY_ADMIN_PASSWORD);
  const email = `member-${Math.random().toString(36).slice(2)}@example.test`;
  await admin.post<User>('/api/users', { email, name: 'Mia', password: 'member-password-1', role: 'member' });
  await (await ApiClient.staff(base, email, 'member-password-1')).patch('/api/users/me', { mailNewTickets: true });
  const site = (await admin.post<Site>('/api/sites', { name: 'Shop', origins: ['http://shop.test'] })).body;
  const customer = await ApiClient.visitor(base, site.key, 'http://shop.test');
  for (let i = 0; i < TICKETS; i++) expect((await newTicket(customer, `crash ${i}`)).status).toBe(201);
  return admin;
}

/** Polls the admin's outbox until every mail is sent. */
async function allSent(admin: ApiClient, n: number, ms = 30_000): Promise<OutboxList> {
  const end = Date.now() + ms;
  for (;;) {
    const list = (await admin.get<OutboxList>('/api/mail')).body;
    if ((list.mails.length === n && list.mails.every((m) => m.state === 'sent')) || Date.now() > end) return list;
    await new Promise((r) => setTimeout(r, 50));
  }
}

const ids = (smtp: SmtpReceiver) => smtp.delivered.map((d) => String(d.mail.headers.get('x-parley-mail')));

describe('mail outbox durability', () => {
  let smtp: SmtpReceiver;
  let db: Awaited<ReturnType<typeof freshDatabase>>;
  beforeAll(async () => {
    smtp = await startSmtpReceiver();
    db = await freshDatabase();
  });
  afterAll(async () => {
    await smtp.close();
    await db.drop();
  });

  it('delivers each mail exactly once after the server is killed with -9 with mails queued and in flight', async () => {
    // The relay reads each mail and never answers: the first ones are in flight, the rest queued behind them.
    smtp.hold(true);
    const first = await spawnServer({ ...db.env, ...ADMIN, ...MAIL, PARLEY_SMTP_URL: smtp.url });
    await traffic(first.url);
    await smtp.until(() => smtp.held >= 4);
    first.child.kill('SIGKILL');
    await new Promise((ok) => first.child.once('exit', ok));
    expect(smtp.delivered.length).toBe(0);

    smtp.hold(false);
    const second = await spawnServer({ ...db.env, ...ADMIN, ...MAIL, PARLEY_SMTP_URL: smtp.url });
    try {
      const admin = await ApiClient.staff(second.url, ADMIN.PARLEY_ADMIN_EMAIL, ADMIN.PARLEY_ADMIN_PASSWORD);
      const list = await allSent(admin, TICKETS);
      expect(list.mails.map((m) => m.state)).toEqual(Array(TICKETS).fill('sent'));
      // Every mail arrived, and none twice (the outbox is settled, so nothing more is on its way).
      expect(ids(smtp).sort()).toEqual(list.mails.map((m) => m.id).sort());
      expect(new Set(smtp.delivered.map((d) => d.mail.text?.match(/crash \d/)?.[0])).size).toBe(TICKETS);
    } finally {
      await second.stop();
    }
  }, 90_000);
});

describe.skipIf(!process.env.DATABASE_URL)('several instances sharing one mail outbox', () => {
  it('sends each mail from one instance, once', async () => {
    const smtp = await startSmtpReceiver();
    const db = await freshDatabase();
    const env = { ...db.env, ...ADMIN, ...MAIL, PARLEY_SMTP_URL: smtp.url };
    const a = await spawnServer(env);
    const b = await spawnServer(env);
    const c = await spawnServer(env);
    try {
      const admin = await traffic(a.url);
      const list = await allSent(admin, TICKETS);
      expect(list.mails.every((m) => m.state === 'sent' && m.attempts === 1)).toBe(true);
      expect(ids(smtp).sort()).toEqual(list.mails.map((m) => m.id).sort());
    } finally {
      await Promise.all([a.stop(), b.stop(), c.stop()]);
      await smtp.close();
      await db.drop();
    }
  }, 90_000);
});
