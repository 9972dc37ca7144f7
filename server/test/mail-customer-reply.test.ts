import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Ticket, User } from '../../protocol/index.ts';
import { ApiClient, newTicket } from '../testing/api.ts';
import { deliveredTo, useMailServer } from '../testing/mail-server.ts';

describe('staff mail for a customer reply on their ticket while they are not online', () => {
  const f = useMailServer();
  const say = (api: ApiClient, ticketId: string, body: string, internal = false) =>
    api.post(`/api/tickets/${ticketId}/messages`, { clientId: randomUUID(), body, ...(internal ? { internal } : {}) });
  // Staff mail is queued after the sender's ack: count once the sends' follow-up work is done.
  const replyMails = async () => (await f.server.services.messages.settled(), await f.server.services.db.sql<{ to_address: string; ticket_id: string }>(
    `select to_address, ticket_id from mail_outbox where kind = 'customer_reply' order by seq`)).length;
  async function accepted(description: string): Promise<Ticket> {
    const ticket = (await newTicket(f.c.customer, description)).body;
    expect((await f.c.member.post(`/api/tickets/${ticket.id}/accept`)).status).toBe(200);
    return ticket;
  }

  it('mails nobody who did not opt in', async () => {
    const ticket = await accepted('before the opt-in');
    expect((await say(f.c.customer, ticket.id, 'hello?')).status).toBe(201);
    expect(await replyMails()).toBe(0);
  });

  it('lets a member opt in, and refuses bad input, customers and strangers', async () => {
    expect((await f.c.member.patch('/api/users/me', { mailCustomerReplies: 'yes' })).status).toBe(400);
    expect((await f.c.customer.patch('/api/users/me', { mailCustomerReplies: true })).status).toBe(403);
    expect((await new ApiClient(f.server.url).patch('/api/users/me', { mailCustomerReplies: true })).status).toBe(401);
    const me = await f.c.member.patch<User>('/api/users/me', { mailCustomerReplies: true });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ mailCustomerReplies: true, mailNewTickets: false, status: 'offline' });
  });

  it('mails the assignee a customer reply while they are offline, with the message and a console link', async () => {
    const ticket = await accepted('parcel lost');
    expect((await say(f.c.customer, ticket.id, 'Any <news> on my parcel?')).status).toBe(201);
    await f.smtp.until(() => deliveredTo(f.smtp, f.c.memberUser.email).length === 1);
    const { mail, raw } = deliveredTo(f.smtp, f.c.memberUser.email)[0]!;
    expect(mail.subject).toBe('New reply: Billing');
    expect(mail.text).toContain('Any <news> on my parcel?');
    expect(mail.text).toContain(`/console#/tickets/${ticket.id}`);
    expect(raw.replace(/\r?\n[ \t]+/g, ' ')).toMatch(/^List-Unsubscribe: [^\r\n]*\/mail\/unsubscribe\//m);
  });

  it('mails nothing for the member\'s own messages and notes, or while they are online', async () => {
    const before = await replyMails();
    const ticket = await accepted('notes and own replies');
    expect((await say(f.c.member, ticket.id, 'We are on it')).status).toBe(201);
    expect((await say(f.c.member, ticket.id, 'internal: check the courier', true)).status).toBe(201);
    expect((await say(f.c.customer, ticket.id, 'psst', true)).status).toBeGreaterThanOrEqual(400);
    const waiting = (await newTicket(f.c.customer, 'nobody has this yet')).body;
    // A waiting ticket takes no customer messages yet, so it has no assignee to mail.
    expect((await say(f.c.customer, waiting.id, 'anyone?')).status).toBe(409);
    await f.c.member.patch('/api/users/me', { status: 'online' });
    expect((await say(f.c.customer, ticket.id, 'you are online, no mail')).status).toBe(201);
    expect(await replyMails()).toBe(before);
    await f.c.member.patch('/api/users/me', { status: 'away' });
    expect((await say(f.c.customer, ticket.id, 'now you are away')).status).toBe(201);
    expect(await replyMails()).toBe(before + 1);
    await f.smtp.until(() => deliveredTo(f.smtp, f.c.memberUser.email).some((d) => d.mail.text?.includes('now you are away')));
  });

  it('queues one mail per ticket while one is still pending (a burst of replies is one mail)', async () => {
    const ticket = await accepted('burst');
    const sql = f.server.services.db.sql;
    // A pending reply mail the worker will not touch for an hour stands for one not yet sent.
    await sql(`insert into mail_outbox (id, created_at, kind, to_address, locale, subject, text, html, ticket_id, unsubscribe_token, state, next_attempt_at)
               values (gen_random_uuid(), now(), 'customer_reply', ?, 'en', 's', 't', '<p>h</p>', ?, 'burst-token-0123456789ab', 'pending', now() + interval '1 hour')`, [f.c.memberUser.email, ticket.id]);
    expect((await say(f.c.customer, ticket.id, 'one')).status).toBe(201);
    expect((await say(f.c.customer, ticket.id, 'two')).status).toBe(201);
    await f.server.services.messages.settled();
    const rows = await sql<{ state: string }>(`select state from mail_outbox where ticket_id = ? and kind = 'customer_reply'`, [ticket.id]);
    expect(rows).toEqual([{ state: 'pending' }]);
  });

  it('looks at the replies to several tickets sent at once together: one mail per ticket', async () => {
    const [a, b] = [await accepted('together a'), await accepted('together b')];
    const sent = await Promise.all([say(f.c.customer, a.id, 'a1'), say(f.c.customer, b.id, 'b1'), say(f.c.customer, a.id, 'a2'), say(f.c.customer, b.id, 'b2')]);
    expect(sent.map((r) => r.status)).toEqual([201, 201, 201, 201]);
    await f.server.services.messages.settled();
    const rows = await f.server.services.db.sql<{ ticket_id: string; text: string }>(
      `select ticket_id, text from mail_outbox where kind = 'customer_reply' and ticket_id = any(?::uuid[])`, [[a.id, b.id]]);
    expect(rows.map((r) => r.ticket_id).sort()).toEqual([a.id, b.id].sort());
    // Each mail carries a reply of its own ticket.
    for (const r of rows) expect(r.text).toMatch(r.ticket_id === a.id ? /\ba[12]\b/ : /\bb[12]\b/);
  });
});
