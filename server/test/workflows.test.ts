import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Message, ServerFrame, Ticket } from '../../protocol/index.ts';
import { ApiClient, cast, newTicket, TestSocket } from '../testing/api.ts';
import { startTestServer, type TestServer } from '../testing/test-server.ts';

let server: TestServer;
let c: Awaited<ReturnType<typeof cast>>;
const sockets: TestSocket[] = [];
const track = (s: TestSocket) => (sockets.push(s), s);

beforeAll(async () => {
  server = await startTestServer();
  c = await cast(server.url, server.admin);
});
afterAll(async () => {
  for (const s of sockets) s.close();
  await server?.close();
});

describe("the seed's four workflows over HTTP and sockets", () => {
  let ticket: Ticket;
  let memberWs: TestSocket;
  let customerWs: TestSocket;

  it('1. a new ticket notifies every member in real time', async () => {
    memberWs = track(await TestSocket.staff(server.url, c.member));
    customerWs = track(await TestSocket.visitor(server.url, c.customer));
    const created = await newTicket(c.customer);
    expect(created.status).toBe(201);
    ticket = created.body;
    expect(ticket).toMatchObject({ status: 'open', category: 'Billing', urgency: 'high', assignee: null, lastSeq: 0 });
    const frame = await memberWs.next((f) => f.type === 'ticket_created');
    expect(frame).toMatchObject({ type: 'ticket_created', ticket: { id: ticket.id, status: 'open' } });
    const list = await c.member.get<{ tickets: Ticket[] }>('/api/tickets?status=open');
    expect(list.body.tickets.map((t) => t.id)).toContain(ticket.id);
  });

  it('2. accepting notifies the customer, and the audit trail records it', async () => {
    const accepted = await c.member.post<Ticket>(`/api/tickets/${ticket.id}/accept`);
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ status: 'assigned', assignee: { id: c.memberUser.id } });
    expect(accepted.body.acceptedAt).not.toBeNull();
    const frame = await customerWs.next((f) => f.type === 'ticket_accepted');
    expect(frame).toMatchObject({ ticket: { id: ticket.id, status: 'assigned' } });
    const events = await c.customer.get(`/api/tickets/${ticket.id}/events`);
    expect(events.body.events.map((e: { action: string }) => e.action)).toEqual(['create', 'accept']);
  });

  it('3. both sides chat in real time, with acks and history', async () => {
    expect((await memberWs.request({ type: 'join', ticketId: ticket.id, after: 0 })).type).toBe('ack');
    expect((await customerWs.request({ type: 'join', ticketId: ticket.id, after: 0 })).type).toBe('ack');
    const ack = await customerWs.request({ type: 'message', ticketId: ticket.id, clientId: 'c-1', body: 'Hello, where is my order?' });
    expect(ack).toMatchObject({ type: 'ack', message: { seq: 1, clientId: 'c-1', author: { kind: 'customer' } } });
    const got = await memberWs.next((f) => f.type === 'message' && f.message.seq === 1);
    expect((got as { message: Message }).message.body).toBe('Hello, where is my order?');
    const reply = await memberWs.request({ type: 'message', ticketId: ticket.id, clientId: 'm-1', body: 'Looking into it now.' });
    expect(reply).toMatchObject({ type: 'ack', message: { seq: 2, author: { kind: 'member', name: 'Mia Member' } } });
    await customerWs.next((f) => f.type === 'message' && f.message.seq === 2);
    memberWs.send({ type: 'typing', ticketId: ticket.id });
    expect(await customerWs.next((f) => f.type === 'typing')).toMatchObject({ ticketId: ticket.id, author: { kind: 'member' } });
    await customerWs.request({ type: 'read', ticketId: ticket.id, seq: 2 });
    expect(await memberWs.next((f) => f.type === 'read')).toMatchObject({ ticketId: ticket.id, seq: 2, by: { kind: 'customer' } });
    const history = await c.customer.get(`/api/tickets/${ticket.id}/messages?after=0`);
    expect(history.body.messages.map((m: Message) => [m.seq, m.body])).toEqual([[1, 'Hello, where is my order?'], [2, 'Looking into it now.']]);
    expect(history.body.hasMore).toBe(false);
    const again = await c.customer.get<Ticket>(`/api/tickets/${ticket.id}`);
    expect(again.body).toMatchObject({ lastSeq: 2, readSeq: 2 });
  });

  it('4. closing disables chat for both sides, over the socket and HTTP alike', async () => {
    const closed = await c.member.post<Ticket>(`/api/tickets/${ticket.id}/close`);
    expect(closed.body).toMatchObject({ status: 'closed' });
    await customerWs.next((f) => f.type === 'ticket_closed');
    const refused = await customerWs.request({ type: 'message', ticketId: ticket.id, clientId: 'c-2', body: 'one more thing' });
    expect(refused).toMatchObject({ type: 'error', code: 'invalid_state' });
    const viaHttp = await c.member.post(`/api/tickets/${ticket.id}/messages`, { clientId: 'm-2', body: 'late' });
    expect(viaHttp.status).toBe(409);
    expect(viaHttp.body.error.code).toBe('invalid_state');
    const history = await c.customer.get(`/api/tickets/${ticket.id}/messages`);
    expect(history.body.messages).toHaveLength(2);
  });

  it('rejecting notifies the customer with the reason', async () => {
    const t = (await newTicket(c.customer, 'Please delete my account')).body;
    const rejected = await c.member.post<Ticket>(`/api/tickets/${t.id}/reject`, { reason: 'Duplicate of an earlier ticket' });
    expect(rejected.body).toMatchObject({ status: 'rejected', rejectReason: 'Duplicate of an earlier ticket' });
    const frame = (await customerWs.next((f) => f.type === 'ticket_rejected' && f.ticket.id === t.id)) as Extract<ServerFrame, { type: 'ticket_rejected' }>;
    expect(frame.ticket.rejectReason).toBe('Duplicate of an earlier ticket');
  });

  it('lets an admin read every conversation', async () => {
    const chats = await c.adminApi.get('/api/chats');
    expect(chats.status).toBe(200);
    const mine = chats.body.chats.find((x: { ticket: Ticket }) => x.ticket.id === ticket.id);
    expect(mine.lastMessage).toMatchObject({ seq: 2, body: 'Looking into it now.' });
    const history = await c.adminApi.get(`/api/tickets/${ticket.id}/messages`);
    expect(history.body.messages).toHaveLength(2);
  });
});
