import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Site, Ticket } from '../../protocol/index.ts';
import { ApiClient, cast, newTicket, TestSocket } from '../testing/api.ts';
import { startTestServer, type TestServer } from '../testing/test-server.ts';

let server: TestServer;
let c: Awaited<ReturnType<typeof cast>>;
let other: ApiClient; // second member
let stranger: ApiClient; // another customer of the same site
let otherSiteCustomer: ApiClient; // a customer of site B
let anonymous: ApiClient;
let open: Ticket;
let assigned: Ticket;
const sockets: TestSocket[] = [];

beforeAll(async () => {
  server = await startTestServer();
  c = await cast(server.url, server.admin);
  await c.adminApi.post('/api/users', { email: 'max@example.test', name: 'Max', password: 'member-password-2', role: 'member' });
  other = await ApiClient.staff(server.url, 'max@example.test', 'member-password-2');
  stranger = await ApiClient.visitor(server.url, c.site.key, c.origin);
  const siteB = (await c.adminApi.post<Site>('/api/sites', { name: 'B', origins: ['http://b.test'] })).body;
  otherSiteCustomer = await ApiClient.visitor(server.url, siteB.key, 'http://b.test');
  anonymous = new ApiClient(server.url);
  open = (await newTicket(c.customer, 'open one')).body;
  assigned = (await newTicket(c.customer, 'assigned one')).body;
  await c.member.post(`/api/tickets/${assigned.id}/accept`);
});
afterAll(async () => {
  for (const s of sockets) s.close();
  await server?.close();
});

const status = async (api: ApiClient, method: string, path: string, body?: unknown) => (await api.call(method, path, body)).status;

describe('access matrix over HTTP', () => {
  it('scopes ticket reads by role and ownership', async () => {
    const ids = async (api: ApiClient) => (await api.get<{ tickets: Ticket[] }>('/api/tickets')).body.tickets.map((t) => t.id).sort();
    expect(await ids(c.customer)).toEqual([open.id, assigned.id].sort());
    expect(await ids(stranger)).toEqual([]);
    expect(await ids(otherSiteCustomer)).toEqual([]);
    expect(await ids(other)).toEqual([open.id]); // open ones, not someone else's assigned
    expect(await ids(c.member)).toEqual([open.id, assigned.id].sort());
    expect((await ids(c.adminApi)).length).toBe(2);
    expect((await c.member.get<{ tickets: Ticket[] }>('/api/tickets?mine=true')).body.tickets.map((t) => t.id)).toEqual([assigned.id]);
  });

  it("answers 404 for someone else's ticket, its messages and its events", async () => {
    for (const api of [stranger, otherSiteCustomer, other]) {
      expect(await status(api, 'GET', `/api/tickets/${assigned.id}`)).toBe(404);
      expect(await status(api, 'GET', `/api/tickets/${assigned.id}/messages`)).toBe(404);
      expect(await status(api, 'GET', `/api/tickets/${assigned.id}/events`)).toBe(404);
      expect(await status(api, 'POST', `/api/tickets/${assigned.id}/messages`, { clientId: 'x', body: 'hi' })).toBe(404);
    }
  });

  it('refuses anonymous callers with 401 and the wrong role with 403', async () => {
    for (const [m, p] of [['GET', '/api/tickets'], ['GET', '/api/auth/me'], ['GET', '/api/users'], ['GET', '/api/sites'], ['GET', '/api/stats'], ['GET', '/api/chats'], ['POST', '/api/tickets']] as const) {
      expect(await status(anonymous, m, p, m === 'POST' ? {} : undefined)).toBe(401);
    }
    for (const api of [c.member, c.customer]) {
      expect(await status(api, 'GET', '/api/users')).toBe(403);
      expect(await status(api, 'POST', '/api/users', { email: 'x@y.z', name: 'x', password: 'long-enough-1', role: 'admin' })).toBe(403);
      expect(await status(api, 'GET', '/api/sites')).toBe(403);
      expect(await status(api, 'POST', '/api/sites', { name: 'x', origins: ['http://x.test'] })).toBe(403);
      expect(await status(api, 'GET', '/api/stats')).toBe(403);
      expect(await status(api, 'GET', '/api/chats')).toBe(403);
    }
    expect(await status(c.member, 'POST', '/api/tickets', { category: 'Billing', urgency: 'low', description: 'x' })).toBe(403);
    expect(await status(c.customer, 'GET', '/api/auth/me')).toBe(403);
  });

  it('lets only staff transition, only the assignee or an admin close, and reports state conflicts', async () => {
    expect(await status(c.customer, 'POST', `/api/tickets/${open.id}/accept`)).toBe(403);
    expect(await status(other, 'POST', `/api/tickets/${assigned.id}/accept`)).toBe(409); // late accept
    expect(await status(other, 'POST', `/api/tickets/${assigned.id}/close`)).toBe(404); // cannot even see it
    expect(await status(c.member, 'POST', `/api/tickets/${assigned.id}/reject`)).toBe(409);
    expect(await status(c.member, 'POST', `/api/tickets/${open.id}/close`)).toBe(409);
  });

  it('makes exactly one of two simultaneous accepts win', async () => {
    const t = (await newTicket(c.customer, 'race')).body;
    const results = await Promise.all([c.member.post(`/api/tickets/${t.id}/accept`), other.post(`/api/tickets/${t.id}/accept`)]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const loser = results.find((r) => r.status === 409)!;
    expect(loser.body.error).toEqual({ code: 'invalid_state', message: 'this ticket was already taken' });
    const events = (await c.adminApi.get(`/api/tickets/${t.id}/events`)).body.events;
    expect(events.filter((e: { action: string }) => e.action === 'accept')).toHaveLength(1);
  });
});

describe('access matrix over the socket', () => {
  it("refuses to join someone else's ticket, and sends nothing of it", async () => {
    for (const api of [stranger, otherSiteCustomer]) {
      const ws = await TestSocket.visitor(server.url, api);
      sockets.push(ws);
      expect(await ws.request({ type: 'join', ticketId: assigned.id })).toMatchObject({ type: 'error', code: 'not_found' });
      expect(await ws.request({ type: 'message', ticketId: assigned.id, clientId: 'evil', body: 'hi' })).toMatchObject({ type: 'error', code: 'not_found' });
    }
    const ws = await TestSocket.staff(server.url, other);
    sockets.push(ws);
    expect(await ws.request({ type: 'join', ticketId: assigned.id })).toMatchObject({ type: 'error', code: 'not_found' });
  });

  it('delivers ticket events only to the customer who owns the ticket', async () => {
    const mine = await TestSocket.visitor(server.url, c.customer);
    const theirs = await TestSocket.visitor(server.url, stranger);
    sockets.push(mine, theirs);
    const t = (await newTicket(c.customer, 'private')).body;
    await mine.next((f) => f.type === 'ticket_created' && f.ticket.id === t.id);
    await c.member.post(`/api/tickets/${t.id}/accept`);
    await mine.next((f) => f.type === 'ticket_accepted' && f.ticket.id === t.id);
    expect(await theirs.quiet((f) => f.type.startsWith('ticket_'))).toEqual([]);
  });

  it("stops a member who is not the assignee from writing, and removes them from a room once it's taken", async () => {
    const t = (await newTicket(c.customer, 'watchers')).body;
    const ws = await TestSocket.staff(server.url, other);
    sockets.push(ws);
    expect((await ws.request({ type: 'join', ticketId: t.id })).type).toBe('ack'); // open tickets are visible
    await c.member.post(`/api/tickets/${t.id}/accept`);
    await ws.next((f) => f.type === 'ticket_accepted' && f.ticket.id === t.id);
    expect(await ws.request({ type: 'message', ticketId: t.id, clientId: 'o1', body: 'hi' })).toMatchObject({ type: 'error', code: 'not_found' });
    await c.member.post(`/api/tickets/${t.id}/messages`, { clientId: 'm1', body: 'private reply' });
    expect(await ws.quiet((f) => f.type === 'message')).toEqual([]);
  });
});
