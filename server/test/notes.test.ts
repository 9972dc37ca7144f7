// Internal notes: staff write them, and no path (HTTP history, socket frames, join replay, typing,
// unread counts, webhooks, first-response time, the customer's numbering) lets a customer see one or
// notice it exists. Mentions reach the member named, if they may see the ticket.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Message, MessagePage, NewApiToken, ServerFrame, Ticket, User } from '../../protocol/index.ts';
import { ApiClient, cast, newTicket, TestSocket } from '../testing/api.ts';
import { startTestServer, type TestServer } from '../testing/test-server.ts';
import { startReceiver, type Receiver } from '../testing/webhook-receiver.ts';

let server: TestServer;
let c: Awaited<ReturnType<typeof cast>>;
const sockets: TestSocket[] = [];
let receiver: Receiver | undefined;

beforeAll(async () => {
  server = await startTestServer({ config: { webhooks: { allowPrivate: true, pollMs: 50, backoffMs: 100, retryForMs: 2500, timeoutMs: 1000, concurrency: 4 } } });
  c = await cast(server.url, server.admin);
});
afterAll(async () => {
  for (const s of sockets) s.close();
  await server?.close();
  await receiver?.close();
});

let n = 0;
const id = (p: string) => `${p}-${++n}`;
const say = (api: ApiClient, t: Ticket, body: string) => api.post<Message>(`/api/tickets/${t.id}/messages`, { clientId: id('m'), body });
const note = (api: ApiClient, t: Ticket, body: string) => api.post<Message>(`/api/tickets/${t.id}/messages`, { clientId: id('n'), body, internal: true });
const history = async (api: ApiClient, t: Ticket, q = 'after=0') => (await api.get<MessagePage>(`/api/tickets/${t.id}/messages?${q}`)).body.messages;
async function assigned(label: string): Promise<Ticket> {
  const t = (await newTicket(c.customer, label)).body;
  expect((await c.member.post(`/api/tickets/${t.id}/accept`)).status).toBe(200);
  return t;
}
async function socket(api: ApiClient, customer = false): Promise<TestSocket> {
  const s = customer ? await TestSocket.visitor(server.url, api) : await TestSocket.staff(server.url, api);
  sockets.push(s);
  return s;
}
const notesIn = (frames: ServerFrame[]) => frames.filter((f) => (f.type === 'message' && f.message.internal) || (f.type === 'ack' && f.message?.internal));

describe('internal notes over HTTP', () => {
  it('stores a note apart: staff read it in its place, the customer\'s history and numbering never show it', async () => {
    const t = await assigned('http');
    expect((await say(c.customer, t, 'hello')).body.seq).toBe(1);
    const first = await note(c.member, t, 'looks like a refund case');
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ internal: true, seq: 1, afterSeq: 1, author: { kind: 'member' } });
    expect((await say(c.member, t, 'hi, on it')).body).toMatchObject({ seq: 2, internal: false });
    await note(c.adminApi, t, 'ok');
    const staff = await history(c.member, t);
    expect(staff.map((m) => [m.internal, m.seq])).toEqual([[false, 1], [true, 1], [false, 2], [true, 2]]);
    const customer = await history(c.customer, t);
    expect(customer.map((m) => m.seq)).toEqual([1, 2]);
    expect(JSON.stringify(customer)).not.toContain('refund');
    expect(customer.every((m) => m.internal === false)).toBe(true);
    // Paging back from the end: each note comes once, with the page of the message it follows.
    const back = await history(c.member, t, 'before=3&limit=1');
    expect(back.map((m) => [m.internal, m.seq])).toEqual([[false, 2], [true, 2]]);
    const older = await history(c.member, t, 'before=2&limit=1');
    expect(older.map((m) => [m.internal, m.seq])).toEqual([[false, 1], [true, 1]]);
    const forward = await history(c.member, t, 'after=0&limit=1');
    expect(forward.map((m) => [m.internal, m.seq])).toEqual([[false, 1]]);
    expect((await history(c.member, t, 'after=1&limit=1')).map((m) => [m.internal, m.seq])).toEqual([[true, 1], [false, 2], [true, 2]]);
    // The ticket's lastSeq (what unread counts are computed from) counts only public messages.
    expect((await c.customer.get<Ticket>(`/api/tickets/${t.id}`)).body.lastSeq).toBe(2);
    expect((await c.member.get<Ticket>(`/api/tickets/${t.id}`)).body.lastSeq).toBe(2);
    // The admin's inbox lists the conversation once, with its last public message (note 2 has seq 2 too).
    const chats = (await c.adminApi.get<{ chats: { ticket: Ticket; lastMessage: Message | null }[] }>('/api/chats?limit=100')).body.chats.filter((x) => x.ticket.id === t.id);
    expect(chats.map((x) => [x.lastMessage?.internal, x.lastMessage?.seq])).toEqual([[false, 2]]);
  });

  it('leaves the inbox order to public messages: a note on an older conversation does not move it to the top', async () => {
    const top = async () => (await c.adminApi.get<{ chats: { ticket: Ticket }[] }>('/api/chats?limit=1')).body.chats[0]!.ticket.id;
    const older = await assigned('older');
    const newer = await assigned('newer');
    await say(c.customer, older, 'first');
    await say(c.customer, newer, 'second');
    expect(await top()).toBe(newer.id);
    expect((await note(c.member, older, 'checking the older one')).status).toBe(201);
    expect(await top()).toBe(newer.id);
    await say(c.member, older, 'a public reply');
    expect(await top()).toBe(older.id);
  });

  it('refuses notes from customers and from API tokens without messages:write, with a clear error', async () => {
    const t = await assigned('refused');
    const r = await note(c.customer, t, 'let me in');
    expect(r.status).toBe(403);
    expect((r.body as unknown as { error: unknown }).error).toMatchObject({ code: 'forbidden', message: expect.stringMatching(/staff/) });
    const reader = (await c.adminApi.post<NewApiToken>('/api/tokens', { name: 'reader', scopes: ['tickets:read', 'messages:read'] })).body;
    const writer = (await c.adminApi.post<NewApiToken>('/api/tokens', { name: 'writer', scopes: ['messages:read', 'messages:write'] })).body;
    const as = (token: string) => Object.assign(new ApiClient(server.url, { origin: undefined }), { token });
    expect((await note(as(reader.token), t, 'no')).status).toBe(403);
    const byToken = await note(as(writer.token), t, 'from the CRM');
    expect(byToken.status).toBe(201);
    expect(byToken.body).toMatchObject({ internal: true, author: { kind: 'integration' } });
    expect((await c.member.post(`/api/tickets/${t.id}/messages`, { clientId: 'x', body: 'b', internal: 'yes' })).status).toBe(400);
    expect((await history(c.customer, t)).length).toBe(0);
    expect((await history(c.member, t)).map((m) => m.body)).toEqual(['from the CRM']);
  });

  it('lets staff note on any ticket they may see, closed ones too; others get 404', async () => {
    const open = (await newTicket(c.customer, 'still open')).body;
    expect((await note(c.member, open, 'VIP, careful')).status).toBe(201);
    expect((await say(c.member, open, 'not yet')).status).toBe(403); // chat needs the assignee
    const t = await assigned('closing');
    await c.member.post(`/api/tickets/${t.id}/close`);
    expect((await say(c.member, t, 'too late')).status).toBe(409);
    expect((await note(c.member, t, 'customer called back, resolved by phone')).status).toBe(201);
    const admins = (await newTicket(c.customer, 'admin only')).body;
    await c.adminApi.post(`/api/tickets/${admins.id}/accept`);
    expect((await note(c.member, admins, 'peek')).status).toBe(404);
    expect((await note(c.adminApi, admins, 'mine')).status).toBe(201);
  });

  it('never hands a note to a customer who reuses its clientId', async () => {
    const t = await assigned('collide');
    await c.member.post(`/api/tickets/${t.id}/messages`, { clientId: 'shared-id', body: 'secret plan', internal: true });
    const r = await c.customer.post(`/api/tickets/${t.id}/messages`, { clientId: 'shared-id', body: 'hello' });
    expect(r.status).toBe(409);
    expect(JSON.stringify(r.body)).not.toContain('secret');
    const again = await c.member.post(`/api/tickets/${t.id}/messages`, { clientId: 'shared-id', body: 'secret plan', internal: true });
    expect(again).toMatchObject({ status: 200, body: { internal: true, seq: 1 } });
  });

  it('does not count a note as the first response, nor as a chat message in monitoring', async () => {
    const t = await assigned('first response');
    const chatted = async () => (await c.adminApi.get<{ messagesPerMinute: number[] }>('/api/stats')).body.messagesPerMinute.reduce((a, b) => a + b, 0);
    const before = await chatted();
    await note(c.member, t, 'thinking');
    expect(await chatted()).toBe(before);
    const read = async () => (await server.services.db.sql<{ first_response_at: Date | null }>('select first_response_at from tickets where id = ?', [t.id]))[0]!.first_response_at;
    expect(await read()).toBeNull();
    await say(c.member, t, 'the answer');
    expect(await read()).not.toBeNull();
  });

  it('sends message.created webhooks for messages, never for notes', async () => {
    receiver = await startReceiver();
    const created = await c.adminApi.post<{ secret: string }>('/api/webhooks', { url: receiver.url, events: ['message.created'] });
    expect(created.status).toBe(201);
    receiver.secrets.push(created.body.secret);
    const t = await assigned('hooks');
    await note(c.member, t, 'webhook must not carry this');
    await say(c.member, t, 'public one');
    await receiver.until(() => receiver!.received.some((r) => r.payload.data?.message?.ticketId === t.id));
    await note(c.member, t, 'nor this');
    await say(c.member, t, 'public two');
    await receiver.until(() => receiver!.received.filter((r) => r.payload.data?.message?.ticketId === t.id).length >= 2);
    const bodies = receiver.received.map((r) => r.body).join('\n');
    expect(bodies).toContain('public two');
    expect(bodies).not.toContain('must not carry');
    expect(bodies).not.toContain('nor this');
  });
});

describe('internal notes over the socket', () => {
  it('delivers a note live to staff in the room only; the customer gets no frame, no gap, no typing', async () => {
    const t = await assigned('live');
    const customer = await socket(c.customer, true);
    const admin = await socket(c.adminApi);
    const member = await socket(c.member);
    for (const s of [customer, admin, member]) expect((await s.request({ type: 'join', ticketId: t.id })).type).toBe('ack');
    const from = customer.frames.length;
    const adminFrom = admin.frames.length;
    member.send({ type: 'typing', ticketId: t.id, internal: true });
    const ack = await member.request({ type: 'message', ticketId: t.id, clientId: id('s'), body: 'note over the socket', internal: true });
    expect(ack).toMatchObject({ type: 'ack', message: { internal: true, seq: 1, afterSeq: 0 } });
    await admin.next((f) => f.type === 'message' && f.message.internal === true && f.message.body === 'note over the socket', 5000, adminFrom);
    await admin.next((f) => f.type === 'typing', 5000, adminFrom);
    // A public message after it: the customer's next frame is seq 1, the note left no trace.
    await member.request({ type: 'message', ticketId: t.id, clientId: id('s'), body: 'public reply' });
    await customer.next((f) => f.type === 'message' && f.message.body === 'public reply', 5000, from);
    const seen = customer.frames.slice(from);
    expect(seen.filter((f) => f.type === 'typing')).toEqual([]);
    expect(notesIn(seen)).toEqual([]);
    expect(JSON.stringify(seen)).not.toContain('note over the socket');
    expect(customer.messages(t.id)).toEqual([1]);
  });

  it('replays notes on join to staff only, resuming each numbering from its own cursor', async () => {
    const t = await assigned('replay');
    await say(c.customer, t, 'one');
    await note(c.member, t, 'n1');
    await say(c.member, t, 'two');
    await note(c.member, t, 'n2');
    const customer = await socket(c.customer, true);
    const from = customer.frames.length;
    const joined = await customer.request({ type: 'join', ticketId: t.id, after: 0, afterNote: 0 });
    expect(joined).toMatchObject({ type: 'ack', replayed: 2 });
    expect(customer.messages(t.id)).toEqual([1, 2]);
    expect(notesIn(customer.frames.slice(from))).toEqual([]);
    const staff = await socket(c.member);
    expect(await staff.request({ type: 'join', ticketId: t.id, after: 1, afterNote: 1 })).toMatchObject({ type: 'ack', replayed: 2 });
    const got = staff.frames.filter((f) => f.type === 'message').map((f) => (f as Extract<ServerFrame, { type: 'message' }>).message);
    // Two streams, each in order; how they interleave is not defined (they replay side by side).
    expect(got.filter((m) => !m.internal).map((m) => [m.seq, m.body])).toEqual([[2, 'two']]);
    expect(got.filter((m) => m.internal).map((m) => [m.seq, m.body])).toEqual([[2, 'n2']]);
    // A customer socket sending a note is refused, and a customer claiming to type one is relayed as plain typing.
    const refused = await customer.request({ type: 'message', ticketId: t.id, clientId: id('c'), body: 'sneaky', internal: true });
    expect(refused).toMatchObject({ type: 'error', code: 'forbidden' });
  });

  it('tells a mentioned member (drawer and toast come from this frame), and no one else', async () => {
    const t = (await newTicket(c.customer, 'mention')).body;
    const member = await socket(c.member);
    const customer = await socket(c.customer, true);
    const other = (await c.adminApi.post<User>('/api/users', { email: `o-${n}@example.test`, name: 'Olga Other', password: 'other-password-1', role: 'member' })).body;
    expect(other.id).toBeTruthy();
    const from = member.frames.length;
    const cFrom = customer.frames.length;
    await note(c.adminApi, t, '@Mia Member can you take this one? cc @olgaother');
    const f = await member.next((x) => x.type === 'mention', 5000, from);
    expect(f).toMatchObject({ type: 'mention', ticketId: t.id, by: { kind: 'admin' }, excerpt: expect.stringContaining('can you take this') });
    // A mention on a ticket the member may not see (an admin's) tells them nothing.
    const hidden = (await newTicket(c.customer, 'hidden mention')).body;
    await c.adminApi.post(`/api/tickets/${hidden.id}/accept`);
    await note(c.adminApi, hidden, '@Mia Member secret');
    await note(c.adminApi, t, '@Mia Member second');
    await member.next((x) => x.type === 'mention' && x.excerpt.includes('second'), 5000, from);
    expect(member.frames.slice(from).filter((x) => x.type === 'mention' && x.ticketId === hidden.id)).toEqual([]);
    expect(customer.frames.slice(cFrom).filter((x) => x.type === 'mention')).toEqual([]);
  });
});
