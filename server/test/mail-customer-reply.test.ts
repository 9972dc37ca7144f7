import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Ticket, User } from '../../protocol/index.ts';
import { ApiClient, newTicket } from '../testing/api.ts';
import { deliveredTo, useMailServer } from '../testing/mail-server.ts';

describe('staff mail for a customer reply on their ticket while they are not online', () => {
  const f = useMailServer();
  const say = (api: ApiClient, ticketId: string, body: string, internal = false) =>
    api.post(`/api/tickets/${ticketId}/messages`, { clientId: randomUUID(), body, ...(internal ? { internal } : {}) });
  // The batch statement queues the mail with the message: it is there when the send is acknowledged.
  const replyMails = async () => (await f.server.services.db.sql<{ to_address: string; ticket_id: string }>(
    `select to_address, ticket_id from mail_outbox where kind = 'customer_reply' order by seq`)).length;
  const mailsOf = (ticketId: string) => f.server.services.db.sql<{ state: string; subject: string; text: string; ticket_id: string }>(
    `select state, subject, text, ticket_id from mail_outbox where kind = 'customer_reply' and ticket_id = ? order by seq`, [ticketId]);
  const rendered = async (ticketId: string) => {
    for (let i = 0; i < 200; i++) {
      const rows = await mailsOf(ticketId);
      if (rows.length && rows.every((r) => r.state !== 'draft')) return rows;
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error(`the mail of ${ticketId} was not rendered`);
  };
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
    const rows = await sql<{ state: string }>(`select state from mail_outbox where ticket_id = ? and kind = 'customer_reply'`, [ticket.id]);
    expect(rows).toEqual([{ state: 'pending' }]);
  });

  it('looks at the replies to several tickets sent at once together: one mail per ticket', async () => {
    const [a, b] = [await accepted('together a'), await accepted('together b')];
    const sent = await Promise.all([say(f.c.customer, a.id, 'a1'), say(f.c.customer, b.id, 'b1'), say(f.c.customer, a.id, 'a2'), say(f.c.customer, b.id, 'b2')]);
    expect(sent.map((r) => r.status)).toEqual([201, 201, 201, 201]);
    const rows = [...await rendered(a.id), ...await rendered(b.id)];
    expect(rows.map((r) => r.ticket_id).sort()).toEqual([a.id, b.id].sort());
    // Each mail carries a reply of its own ticket.
    for (const r of rows) expect(r.text).toMatch(r.ticket_id === a.id ? /\ba[12]\b/ : /\bb[12]\b/);
  });

  it('is queued by the statement that stores the message: there when the send is acknowledged, and never for a refused one', async () => {
    const ticket = await accepted('atomic');
    expect(await mailsOf(ticket.id)).toEqual([]);
    expect((await say(f.c.customer, ticket.id, 'stored with its mail')).status).toBe(201);
    // No follow-up work ran in between: the row committed with the message.
    expect((await mailsOf(ticket.id)).length).toBe(1);
    const [mail] = await rendered(ticket.id);
    expect(mail!.text).toContain('stored with its mail');
    expect(mail!.subject).toBe('New reply: Billing');
    await f.smtp.until(() => deliveredTo(f.smtp, f.c.memberUser.email).some((d) => d.mail.text?.includes('stored with its mail')));

    const closed = await accepted('closed before the reply');
    expect((await f.c.member.post(`/api/tickets/${closed.id}/close`)).status).toBe(200);
    expect((await say(f.c.customer, closed.id, 'too late')).status).toBe(409);
    expect(await mailsOf(closed.id)).toEqual([]);
  });

  it('queues nothing for an address that unsubscribed, and lists only rendered mails in the Outbox', async () => {
    const ticket = await accepted('unsubscribed');
    expect((await say(f.c.customer, ticket.id, 'first')).status).toBe(201);
    await rendered(ticket.id);
    const outbox = (await f.c.adminApi.get<{ mails: { kind: string; subject: string; state: string }[] }>('/api/mail')).body.mails;
    expect(outbox.filter((m) => m.kind === 'customer_reply').every((m) => m.subject !== '' && m.state !== 'draft')).toBe(true);
    const sql = f.server.services.db.sql;
    await sql(`insert into mail_unsubscribes (address, created_at) values (lower(?), now()) on conflict do nothing`, [f.c.memberUser.email]);
    for (let i = 0; i < 200 && !(await mailsOf(ticket.id)).every((m) => m.state === 'sent'); i++) await new Promise((r) => setTimeout(r, 25));
    expect((await mailsOf(ticket.id)).map((m) => m.state)).toEqual(['sent']);
    expect((await say(f.c.customer, ticket.id, 'after unsubscribing')).status).toBe(201);
    expect((await mailsOf(ticket.id)).length).toBe(1);
    await sql(`delete from mail_unsubscribes where address = lower(?)`, [f.c.memberUser.email]);
  });
});
