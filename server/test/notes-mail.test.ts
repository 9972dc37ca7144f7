// Internal notes never go out by email: a note alone mails nothing, and the mail for an unread reply
// carries the reply, not the notes beside it.
import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Message } from '../../protocol/index.ts';
import type { MailConfig } from '../mail/config.ts';
import { ApiClient, cast, newTicket } from '../testing/api.ts';
import { startSmtpReceiver, type SmtpReceiver } from '../testing/smtp-receiver.ts';
import { startTestServer, type TestServer } from '../testing/test-server.ts';

const AFTER_MS = 600;
const MAIL: MailConfig = { smtpUrl: null, from: 'support@shop.test', pollMs: 50, backoffMs: 50, retryForMs: 60_000, timeoutMs: 2000, concurrency: 4, emailAfterMs: AFTER_MS };

let smtp: SmtpReceiver;
let server: TestServer;
let c: Awaited<ReturnType<typeof cast>>;

beforeAll(async () => {
  smtp = await startSmtpReceiver();
  server = await startTestServer({ config: { mail: { ...MAIL, smtpUrl: smtp.url } } });
  c = await cast(server.url, server.admin);
});
afterAll(async () => {
  await server?.close();
  await smtp?.close();
});

describe('internal notes and email', () => {
  it('mails no note, alone or beside a reply', async () => {
    const id = `notes-${Math.random().toString(36).slice(2)}`;
    const email = `${id}@shop.test`;
    const identity = { id, email, hash: createHmac('sha256', c.site.secret).update(id).digest('hex') };
    const customer = await ApiClient.visitor(server.url, c.site.key, c.origin, { identity });
    const ticket = (await newTicket(customer, 'mail me')).body;
    await c.member.post(`/api/tickets/${ticket.id}/accept`);
    const note = (await c.member.post<Message>(`/api/tickets/${ticket.id}/messages`, { clientId: 'n1', body: 'NOTE-ONE customer is rude', internal: true })).body;
    // Past the delay for the note: nothing is due.
    const due = new Date(note.createdAt).getTime() + AFTER_MS;
    while (Date.now() <= due) await new Promise((r) => setTimeout(r, Math.max(10, due - Date.now() + 5)));
    await server.services.unreadReplies.sweep(server.url);
    expect(await server.services.db.sql('select 1 from mail_outbox where ticket_id = ?', [ticket.id])).toEqual([]);
    await c.member.post(`/api/tickets/${ticket.id}/messages`, { clientId: 'r1', body: 'REPLY-ONE your parcel ships today' });
    await c.member.post(`/api/tickets/${ticket.id}/messages`, { clientId: 'n2', body: 'NOTE-TWO shipped late again', internal: true });
    const to = () => smtp.delivered.filter((d) => d.mail.to && 'text' in d.mail.to && d.mail.to.text === email);
    await smtp.until(() => to().length === 1);
    const { mail } = to()[0]!;
    expect(mail.text).toContain('REPLY-ONE');
    expect(`${mail.text}\n${mail.html}`).not.toMatch(/NOTE-ONE|NOTE-TWO/);
  });
});
