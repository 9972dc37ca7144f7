import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Message, Ticket } from '../../protocol/index.ts';
import { ApiClient, newTicket, TestSocket, type cast } from '../testing/api.ts';
import { deliveredTo as delivered, useMailServer } from '../testing/mail-server.ts';
import { spawnServer } from '../testing/spawn-server.ts';
import type { SmtpReceiver } from '../testing/smtp-receiver.ts';
import type { TestServer } from '../testing/test-server.ts';

const AFTER_MS = 1200;

let smtp: SmtpReceiver;
let server: TestServer;
let c: Awaited<ReturnType<typeof cast>>;

const mail = useMailServer({ emailAfterMs: AFTER_MS });
beforeAll(() => void ({ smtp, server, c } = mail));

/** An identified customer with an email, on a page of the shop, in `locale`. */
async function customer(locale = 'en') {
  const id = `cust-${Math.random().toString(36).slice(2)}`;
  const email = `${id}@shop.test`;
  const identity = { id, email, name: `Name ${id}`, hash: createHmac('sha256', c.site.secret).update(id).digest('hex') };
  const api = await ApiClient.visitor(server.url, c.site.key, c.origin, { identity, context: { pageUrl: `https://shop.test/orders/${id}`, locale } });
  return { api, email, id };
}

/** A ticket of `who`, accepted by the member, with a reply from the member. */
async function replied(who: ApiClient, body = 'Your parcel ships today') {
  const ticket = (await newTicket(who, 'Where is my parcel?')).body;
  expect((await c.member.post(`/api/tickets/${ticket.id}/accept`)).status).toBe(200);
  const reply = (await c.member.post<Message>(`/api/tickets/${ticket.id}/messages`, { clientId: `r-${Math.random()}`, body })).body;
  return { ticket, reply };
}

/** Waits until the unread-reply delay has passed for `m` (the rule's own clock is the server's). */
async function pastDue(m: Message) {
  const due = new Date(m.createdAt).getTime() + AFTER_MS;
  while (Date.now() <= due) await new Promise((r) => setTimeout(r, Math.max(10, due - Date.now() + 5)));
}

const mailsOf = (ticket: Ticket) => server.services.db.sql<{ state: string }>(`select state from mail_outbox where ticket_id = ? and kind = 'unread_reply'`, [ticket.id]);
const deliveredTo = (email: string) => delivered(smtp, email);

describe('unread-reply mail', () => {
  it('mails an unread staff reply to a customer with no socket open, with the reply and the way back', async () => {
    const { api, email, id } = await customer();
    const { ticket } = await replied(api);
    await smtp.until(() => deliveredTo(email).length === 1);
    const { mail } = deliveredTo(email)[0]!;
    expect(mail.subject).toBe('You have a new reply from support');
    expect(mail.text).toContain('> Your parcel ships today');
    expect(mail.text).toContain('Mia Member');
    expect(mail.text).not.toContain('Where is my parcel?');
    expect(mail.text).toContain(`https://shop.test/orders/${id}`);
    expect(mail.html).toContain('dir="ltr"');

    // Another reply soon after: at most one mail per ticket per 15 minutes.
    const second = (await c.member.post<Message>(`/api/tickets/${ticket.id}/messages`, { clientId: 'again', body: 'And a tracking number' })).body;
    await pastDue(second);
    expect(await server.services.unreadReplies.sweep(server.url)).toBe(0);
    expect((await mailsOf(ticket)).length).toBe(1);
    expect(deliveredTo(email).length).toBe(1);
  });

  it('never mails an internal note, alone or beside a reply', async () => {
    const { api, email } = await customer();
    const ticket = (await newTicket(api, 'Where is my parcel?')).body;
    await c.member.post(`/api/tickets/${ticket.id}/accept`);
    const note = (await c.member.post<Message>(`/api/tickets/${ticket.id}/messages`, { clientId: 'n1', body: 'SECRET: refund fraud suspected', internal: true })).body;
    expect(note.internal).toBe(true);
    await pastDue(note);
    expect(await server.services.unreadReplies.sweep(server.url)).toBe(0);
    expect(await mailsOf(ticket)).toEqual([]);
    await c.member.post(`/api/tickets/${ticket.id}/messages`, { clientId: 'n2', body: 'SECRET: second note', internal: true });
    await c.member.post(`/api/tickets/${ticket.id}/messages`, { clientId: 'r1', body: 'We are on it' });
    await smtp.until(() => deliveredTo(email).length === 1);
    const { mail, raw } = deliveredTo(email)[0]!;
    expect(mail.text).toContain('We are on it');
    expect(raw).not.toContain('SECRET');
  });

  it('mails in the customer\'s language', async () => {
    const { api, email } = await customer('ar-EG');
    await replied(api, 'طردك في الطريق');
    await smtp.until(() => deliveredTo(email).length === 1);
    const { mail } = deliveredTo(email)[0]!;
    expect(mail.subject).toBe('لديك رد جديد من فريق الدعم');
    expect(mail.text).toContain('طردك في الطريق');
    expect(mail.html).toContain('dir="rtl"');
  });

  it('does not mail a reply the customer read', async () => {
    const { api } = await customer();
    const { ticket, reply } = await replied(api);
    expect((await api.post(`/api/tickets/${ticket.id}/read`, { seq: reply.seq })).status).toBe(200);
    await pastDue(reply);
    expect(await server.services.unreadReplies.sweep(server.url)).toBe(0);
    expect(await mailsOf(ticket)).toEqual([]);
  });

  it('does not mail while a socket of the customer is open, and does once it closed', async () => {
    const { api, email } = await customer();
    const socket = await TestSocket.visitor(server.url, api);
    const { ticket, reply } = await replied(api);
    await pastDue(reply);
    expect(await server.services.unreadReplies.sweep(server.url)).toBe(0);
    expect(await mailsOf(ticket)).toEqual([]);
    socket.close();
    await socket.closed;
    await smtp.until(() => deliveredTo(email).length === 1);
  });

  it('mails no one without an email, nor an address that unsubscribed', async () => {
    const anonymous = await ApiClient.visitor(server.url, c.site.key, c.origin);
    const a = await replied(anonymous);
    const { api, email } = await customer();
    await server.services.db.sql(`insert into mail_unsubscribes (address, created_at) values (?, now())`, [email]);
    const b = await replied(api);
    await pastDue(b.reply);
    expect(await server.services.unreadReplies.sweep(server.url)).toBe(0);
    expect(await mailsOf(a.ticket)).toEqual([]);
    expect(await mailsOf(b.ticket)).toEqual([]);
  });
});

// Several instances need PostgreSQL; PGlite is one process by nature.
describe.skipIf(!process.env.DATABASE_URL)('unread-reply mail with the customer on another instance', () => {
  let b: Awaited<ReturnType<typeof spawnServer>>;
  beforeAll(async () => {
    // Instance B mails through the same SMTP server, with the same delay, so either instance may be the one that sends.
    b = await spawnServer({
      DATABASE_URL: server.databaseUrl!, PARLEY_LOG: 'silent', PARLEY_SMTP_URL: smtp.url, PARLEY_MAIL_FROM: 'support@shop.test',
      PARLEY_MAIL_POLL_MS: '50', PARLEY_EMAIL_AFTER_MINUTES: String(AFTER_MS / 60_000),
    });
  });
  afterAll(async () => void (await b?.stop()));

  it('does not mail while the customer\'s only socket is on another instance, and does once it closed', async () => {
    const { api, email, id } = await customer();
    const socket = await TestSocket.visitor(b.url, api);
    const customerId = (await server.services.db.sql<{ id: string }>(`select id from customers where external_id = ?`, [id]))[0]!.id;
    // B writes its row right after the socket authenticates.
    await until(async () => (await server.services.db.sql(`select 1 from customer_connections where customer_id = ?`, [customerId])).length === 1);
    const { ticket, reply } = await replied(api);
    await pastDue(reply);
    expect(await server.services.unreadReplies.sweep(server.url)).toBe(0);
    // B's own sweeps run meanwhile too (every mail poll); none of them mails either.
    await new Promise((r) => setTimeout(r, 300));
    expect(await mailsOf(ticket)).toEqual([]);
    socket.close();
    await socket.closed;
    await smtp.until(() => deliveredTo(email).length === 1);
    expect(deliveredTo(email)[0]!.mail.text).toContain('Your parcel ships today');
  });
});

async function until(check: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 200 && !(await check()); i++) await new Promise((r) => setTimeout(r, 25));
  expect(await check()).toBe(true);
}
