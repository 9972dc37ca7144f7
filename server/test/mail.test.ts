import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OutboxList, User } from '../../protocol/index.ts';
import type { MailConfig } from '../mail/config.ts';
import { ApiClient, cast, newTicket } from '../testing/api.ts';
import type { SmtpReceiver } from '../testing/smtp-receiver.ts';
import { useMailServer } from '../testing/mail-server.ts';
import { startTestServer, type TestServer } from '../testing/test-server.ts';

const MAIL: MailConfig = { smtpUrl: null, from: 'Shop support <support@shop.test>', pollMs: 50, backoffMs: 50, retryForMs: 60_000, timeoutMs: 2000, concurrency: 4, emailAfterMs: 3_600_000 };

/** Header lines as one line each (long ones are folded onto the next with leading space). */
const unfold = (raw: string) => raw.replace(/\r?\n[ \t]+/g, ' ').replace(/\r\n/g, '\n');

/** Polls `read` until `ok` holds (the worker records its result just after the relay answered). */
async function eventually<T>(read: () => Promise<T>, ok: (v: T) => boolean, ms = 10_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await read();
    if (ok(v) || Date.now() > end) return v;
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('mail through SMTP: new tickets for members who opted in', () => {
  let smtp: SmtpReceiver;
  let server: TestServer;
  let c: Awaited<ReturnType<typeof cast>>;
  const outbox = (state?: string) => server.services.db.sql<{ to_address: string; state: string; kind: string }>(
    `select to_address, state, kind from mail_outbox ${state ? 'where state = ?' : ''} order by seq`, state ? [state] : []);
  const mail = useMailServer({ from: MAIL.from });
  beforeAll(() => void ({ smtp, server, c } = mail));

  it('mails nobody who did not opt in', async () => {
    await newTicket(c.customer, 'before anyone opted in');
    expect(await outbox()).toEqual([]);
  });

  it('lets a member opt in, and refuses bad input, customers and strangers', async () => {
    expect((await c.member.patch('/api/users/me', { mailNewTickets: 'yes' })).status).toBe(400);
    expect((await c.member.patch('/api/users/me', {})).status).toBe(400);
    expect((await c.customer.patch('/api/users/me', { mailNewTickets: true })).status).toBe(403);
    expect((await new ApiClient(server.url).patch('/api/users/me', { mailNewTickets: true })).status).toBe(401);
    const me = await c.member.patch<User>('/api/users/me', { mailNewTickets: true });
    expect(me.status).toBe(200);
    expect(me.body.mailNewTickets).toBe(true);
    expect(me.body.status).toBe('offline');
  });

  it('mails a new ticket to the member while nobody is online: text, HTML, headers, one-click unsubscribe', async () => {
    const ticket = (await newTicket(c.customer, 'Where is <my> parcel?')).body;
    await smtp.until(() => smtp.delivered.length === 1);
    const { mail, raw } = smtp.delivered[0]!;
    expect(mail.to && 'text' in mail.to ? mail.to.text : '').toBe(c.memberUser.email);
    expect(mail.from?.value[0]).toMatchObject({ name: 'Shop support', address: 'support@shop.test' });
    expect(mail.subject).toBe('New ticket: Billing');
    expect(mail.text).toContain('> Where is <my> parcel?');
    expect(mail.text).toContain(`/console#/tickets/${ticket.id}`);
    expect(mail.html).toContain('Where is &#60;my&#62; parcel?');
    expect(mail.html).not.toContain('<my>');
    expect(mail.headers.get('auto-submitted')).toBe('auto-generated');
    expect(unfold(raw)).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click$/m);
    const link = /^List-Unsubscribe: <(http[^>]+)>/m.exec(unfold(raw))![1]!;
    expect(mail.text).toContain(link);
    expect(link).toMatch(/^http:\/\/[^/]+\/mail\/unsubscribe\/[\w-]{32}$/);
    expect((await eventually(() => outbox('sent'), (r) => r.length === 1)).length).toBe(1);

    const path = new URL(link).pathname;
    // A GET (a link checker, a preview) changes nothing; a tampered token is unknown.
    const shown = await fetch(`${server.url}${path}`);
    expect(shown.status).toBe(200);
    expect(await shown.text()).toContain('<form method="post">');
    expect((await fetch(`${server.url}${path}x`, { method: 'POST' })).status).toBe(404);
    expect((await fetch(`${server.url}/mail/unsubscribe/${'a'.repeat(32)}`)).status).toBe(404);
    expect((await server.services.db.sql('select 1 from mail_unsubscribes')).length).toBe(0);
    // What a mail client's one-click sends: a form body, no cookie, no Origin.
    const done = await fetch(`${server.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'List-Unsubscribe=One-Click' });
    expect(done.status).toBe(200);
    expect(await done.text()).toContain('unsubscribed');
    expect((await fetch(`${server.url}${path}`, { method: 'POST' })).status).toBe(200);

    await newTicket(c.customer, 'after unsubscribing');
    expect((await outbox()).length).toBe(1);
  });

  it('mails nobody while a member is online', async () => {
    const email = `other-${Math.random().toString(36).slice(2)}@example.test`;
    await c.adminApi.post('/api/users', { email, name: 'Otto', password: 'member-password-1', role: 'member' });
    const other = await ApiClient.staff(server.url, email, 'member-password-1');
    await other.patch('/api/users/me', { mailNewTickets: true });
    await c.adminApi.patch('/api/users/me', { status: 'online' });
    await newTicket(c.customer, 'an admin is online');
    expect((await outbox()).filter((m) => m.to_address === email)).toEqual([]);
    await c.adminApi.patch('/api/users/me', { status: 'away' });
    await newTicket(c.customer, 'nobody online again');
    await smtp.until(() => smtp.delivered.length === 2);
    expect(smtp.delivered[1]!.mail.headers.get('x-parley-mail')).toBeTruthy();
    expect((await outbox()).filter((m) => m.to_address === email).length).toBe(1);
  });

  it('retries with backoff while the relay refuses, then sends once', async () => {
    const sql = server.services.db.sql;
    const before = smtp.delivered.length;
    smtp.refuse(2);
    await sql(`insert into mail_outbox (id, created_at, kind, to_address, locale, subject, text, html, unsubscribe_token, state, next_attempt_at)
               values (gen_random_uuid(), now(), 'new_ticket', 'x@example.test', 'en', 's', 't', '<p>h</p>', 'retry-token-0123456789ab', 'pending', now())`);
    server.services.mailWorker.wake();
    const [row] = await eventually(() => sql<{ state: string; attempts: number; last_error: string | null }>(
      `select state, attempts, last_error from mail_outbox where unsubscribe_token = 'retry-token-0123456789ab'`), (r) => r[0]?.state === 'sent');
    expect(row).toMatchObject({ state: 'sent', attempts: 3, last_error: null });
    expect(smtp.refused).toBe(2);
    expect(smtp.delivered.length).toBe(before + 1);
  });
});

describe('mail without SMTP: .eml files under PARLEY_DATA_DIR/mail/', () => {
  let server: TestServer;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'parley-mail-'));
    server = await startTestServer({ config: { dataDir: dir, mail: MAIL } });
  });
  afterAll(async () => {
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes each mail once as a parseable .eml file named by its id', async () => {
    const c = await cast(server.url, server.admin);
    await c.member.patch('/api/users/me', { mailNewTickets: true });
    await newTicket(c.customer, 'no relay here');
    const [row] = await eventually(() => server.services.db.sql<{ id: string; state: string }>(`select id, state from mail_outbox`), (r) => r[0]?.state === 'sent');
    expect(row!.state).toBe('sent');
    const files = readdirSync(join(dir, 'mail'));
    expect(files).toEqual([`${row!.id}.eml`]);
    const raw = readFileSync(join(dir, 'mail', files[0]!), 'utf8');
    const mail = await simpleParser(raw);
    expect(mail.subject).toBe('New ticket: Billing');
    expect(mail.text).toContain('no relay here');
    expect(unfold(raw)).toMatch(/^List-Unsubscribe: <http:\/\/[^>]+\/mail\/unsubscribe\/[\w-]{32}>/m);
    expect(existsSync(join(dir, 'mail', `${row!.id}.eml.tmp`))).toBe(false);

    // The admin's Outbox lists it and names the folder; a member, a customer and a stranger get nothing.
    const list = await c.adminApi.get<OutboxList>('/api/mail');
    expect(list.status).toBe(200);
    expect(list.body.delivery).toEqual({ kind: 'files', folder: join(dir, 'mail') });
    expect(list.body.mails).toMatchObject([{ id: row!.id, kind: 'new_ticket', to: c.memberUser.email, state: 'sent', subject: 'New ticket: Billing' }]);
    expect(list.body.mails[0]!.text).toContain('no relay here');
    expect((await c.member.get('/api/mail')).status).toBe(403);
    expect((await c.customer.get('/api/mail')).status).toBe(403);
    expect((await new ApiClient(server.url).get('/api/mail')).status).toBe(401);
  });
});
