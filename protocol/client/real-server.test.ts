// The realtime client against the real server (fresh database): the widget's path (token auth) and
// the console's (session cookie), reconnect-and-resume, and the outbox across a dropped connection.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket as WsSocket } from 'ws';
import type { Message, Ticket } from '../index.ts';
import { ApiClient, cast, newTicket } from '../../server/testing/api.ts';
import { startTestServer, type TestServer } from '../../server/testing/test-server.ts';
import { Outbox, RealtimeSocket, TicketSubscription } from './index.ts';
import { until } from './test-peer.ts';

let server: TestServer;
let setup: Awaited<ReturnType<typeof cast>>;
const opened: WsSocket[] = [];
const native = globalThis.WebSocket;

/** Browsers send Origin (and cookies) by themselves; here the `ws` client does it for them. */
function browserLike(headers: Record<string, string>) {
  globalThis.WebSocket = class extends WsSocket {
    constructor(url: string) {
      super(url, { headers });
      opened.push(this);
    }
  } as unknown as typeof WebSocket;
}

beforeAll(async () => {
  server = await startTestServer();
  setup = await cast(server.url, server.admin);
});
afterAll(async () => {
  globalThis.WebSocket = native;
  await server?.close();
});

const wsUrl = () => server.url.replace(/^http/, 'ws') + '/ws';

describe('protocol/client with the real server', () => {
  it('follows a ticket in order, resumes after a drop, and sends what was written offline once', async () => {
    const { customer, member, origin } = setup;
    browserLike({ origin });
    const socket = new RealtimeSocket(wsUrl(), { auth: () => customer.token, backoff: () => 50 }).connect();
    const outbox = new Outbox(socket);
    const seen: Message[] = [];
    const statuses: string[] = [];
    await until(() => socket.state === 'open');
    expect(socket.user).toMatchObject({ kind: 'customer', id: customer.session.customer.id });

    const ticket = (await newTicket(customer, 'Resume me')).body as Ticket;
    socket.on('ticket_accepted', (f) => statuses.push(f.ticket.status));
    expect((await member.post(`/api/tickets/${ticket.id}/accept`)).status).toBe(200);
    await until(() => statuses.length === 1);
    const sub = new TicketSubscription(socket, ticket.id, { message: (m) => seen.push(m) });
    outbox.onSent((m) => sub.receive(m));
    for (const body of ['one', 'two', 'three']) await member.post(`/api/tickets/${ticket.id}/messages`, { clientId: `m-${body}`, body });
    await until(() => seen.length === 3);

    // The line drops; the member keeps writing, the customer too.
    opened.at(-1)!.terminate();
    await until(() => socket.state !== 'open');
    await member.post(`/api/tickets/${ticket.id}/messages`, { clientId: 'm-four', body: 'four (missed)' });
    outbox.send(ticket.id, 'five (offline)');
    outbox.send(ticket.id, 'six (offline)');
    expect(outbox.items.map((i) => i.state)).toEqual(['sending', 'sending']);

    await until(() => outbox.items.length === 0 && seen.length === 6, 10000);
    expect(seen.map((m) => m.seq)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(seen.map((m) => m.body)).toEqual(['one', 'two', 'three', 'four (missed)', 'five (offline)', 'six (offline)']);
    const stored = (await member.get(`/api/tickets/${ticket.id}/messages?after=0`)).body.messages as Message[];
    expect(stored.map((m) => m.body)).toEqual(seen.map((m) => m.body));
    socket.close();
  });

  it('gets a refused message as an error, with the server’s reason', async () => {
    const { customer, member, origin } = setup;
    browserLike({ origin });
    const socket = new RealtimeSocket(wsUrl(), { auth: () => customer.token }).connect();
    const ticket = (await newTicket(customer, 'Closed soon')).body as Ticket;
    await member.post(`/api/tickets/${ticket.id}/accept`);
    await member.post(`/api/tickets/${ticket.id}/close`);
    const outbox = new Outbox(socket);
    const item = outbox.send(ticket.id, 'too late');
    await until(() => outbox.items[0]?.state === 'failed', 8000);
    expect(outbox.items[0]).toMatchObject({ clientId: item.clientId, state: 'failed' });
    expect(outbox.items[0]!.error).toBeTruthy();
    socket.close();
  });

  it('authenticates a staff socket by its cookie and delivers new tickets to it', async () => {
    const { customer } = setup;
    const staff = await ApiClient.staff(server.url, server.admin.email, server.admin.password);
    browserLike({ origin: server.url, cookie: staff.cookie });
    const socket = new RealtimeSocket(wsUrl()).connect();
    const created: Ticket[] = [];
    socket.on('ticket_created', (f) => created.push(f.ticket));
    await until(() => socket.state === 'open');
    expect(socket.user?.kind).toBe('admin');
    const ticket = (await newTicket(customer, 'Staff should hear of this')).body as Ticket;
    await until(() => created.some((t) => t.id === ticket.id));
    socket.close();
  });

  it('stops on 4001 (a visitor token ended by a reset) and tells its owner, who reconnects with a new token', async () => {
    const { origin } = setup;
    browserLike({ origin });
    const first = await ApiClient.visitor(server.url, setup.site.key, origin);
    let token = first.token;
    const socket = new RealtimeSocket(wsUrl(), { auth: () => token, backoff: () => 20 });
    const states: string[] = [];
    let revoked = 0;
    socket.onState((s) => states.push(s));
    socket.onRevoked = () => revoked++;
    socket.connect();
    await until(() => socket.state === 'open');
    const before = opened.length;
    expect((await first.post('/api/visitor/reset')).status).toBe(204);
    await until(() => revoked === 1);
    expect(socket.state).toBe('revoked');
    await new Promise((r) => setTimeout(r, 200)); // ten backoff periods: still no reconnect
    expect(opened.length).toBe(before);
    expect(states.at(-1)).toBe('revoked');
    // The owner gets a new visitor token and connects again.
    token = (await ApiClient.visitor(server.url, setup.site.key, origin)).token;
    socket.connect();
    await until(() => socket.state === 'open');
    expect(revoked).toBe(1);
    socket.close();
  });

  it('stops on 4001 when the staff session is signed out, instead of reconnecting as a drop', async () => {
    const staff = await ApiClient.staff(server.url, server.admin.email, server.admin.password);
    browserLike({ origin: server.url, cookie: staff.cookie });
    const socket = new RealtimeSocket(wsUrl(), { backoff: () => 20 });
    let revoked = 0;
    socket.onRevoked = () => revoked++;
    socket.connect();
    await until(() => socket.state === 'open');
    const before = opened.length;
    expect((await staff.post('/api/auth/logout')).status).toBe(204);
    await until(() => revoked === 1);
    await new Promise((r) => setTimeout(r, 200));
    expect(socket.state).toBe('revoked');
    expect(opened.length).toBe(before);
    socket.close();
  });

  it('reconnects after an ordinary drop (not 4001), as before', async () => {
    const { customer, origin } = setup;
    browserLike({ origin });
    const socket = new RealtimeSocket(wsUrl(), { auth: () => customer.token, backoff: () => 20 });
    let revoked = 0;
    socket.onRevoked = () => revoked++;
    socket.connect();
    await until(() => socket.state === 'open');
    opened.at(-1)!.close(4000, 'some other reason');
    await until(() => socket.state !== 'open');
    await until(() => socket.state === 'open');
    expect(revoked).toBe(0);
    socket.close();
  });

  it('keeps retrying with backoff while the token is refused', async () => {
    const { origin } = setup;
    browserLike({ origin });
    const errors: string[] = [];
    const socket = new RealtimeSocket(wsUrl(), { auth: () => 'not-a-token', backoff: () => 30 });
    socket.on('error', (f) => errors.push(f.code));
    socket.connect();
    await until(() => errors.length >= 2, 8000);
    expect(socket.state).not.toBe('open');
    expect(errors[0]).toBe('unauthorized');
    socket.close();
  });
});
