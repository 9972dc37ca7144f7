import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Site, Stats, Team, Ticket, User } from '../../protocol/index.ts';
import { ApiClient, cast, newTicket, TestSocket } from '../testing/api.ts';
import { autoSite, routedMember } from '../testing/routing.ts';
import { startTestServer, type TestServer } from '../testing/test-server.ts';

let server: TestServer;
let c: Awaited<ReturnType<typeof cast>>;
const sockets: TestSocket[] = [];
const track = (s: TestSocket) => (sockets.push(s), s);
const ORIGIN = 'http://routed.test';
const settled = () => server.services.routing.settled();

beforeAll(async () => {
  server = await startTestServer();
  c = await cast(server.url, server.admin);
});
afterAll(async () => {
  for (const s of sockets) s.close();
  await server?.close();
});

/** Every active member offline, and every ticket of earlier tests closed or rejected, so each test starts from an empty floor. */
async function clearFloor() {
  await server.services.db.sql(`update users set status = 'offline', status_auto = false`);
  await server.services.db.sql(`update tickets set status = 'closed', closed_at = now() where status in ('open', 'assigned')`);
}

const ticketOf = async (id: string): Promise<Ticket> => (await c.adminApi.get<Ticket>(`/api/tickets/${id}`)).body;

describe('member status and capacity', () => {
  it('lets a member set their own status, and refuses anything else', async () => {
    const me = await c.member.patch<User>('/api/users/me', { status: 'away' });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ status: 'away', capacity: 5 });
    expect((await c.member.patch('/api/users/me', { status: 'busy' })).body.error.code).toBe('bad_request');
    expect((await c.member.patch('/api/users/me', {})).status).toBe(400);
    expect((await c.member.patch('/api/users/me', 'nope')).status).toBe(400);
    expect((await c.customer.patch('/api/users/me', { status: 'online' })).status).toBe(403);
    expect((await new ApiClient(server.url).patch('/api/users/me', { status: 'online' })).status).toBe(401);
  });

  it('lets only admins set capacity, within bounds', async () => {
    const id = c.memberUser.id;
    expect((await c.member.patch(`/api/users/${id}`, { capacity: 50 })).status).toBe(403);
    for (const bad of [-1, 101, 2.5, '3', null]) expect((await c.adminApi.patch(`/api/users/${id}`, { capacity: bad })).status).toBe(400);
    const ok = await c.adminApi.patch<User>(`/api/users/${id}`, { capacity: 3 });
    expect(ok.body.capacity).toBe(3);
    expect((await c.adminApi.get<{ users: User[] }>('/api/users')).body.users.find((u) => u.id === id)).toMatchObject({ capacity: 3, status: 'away' });
  });

  it('takes a site to auto routing and back, and refuses other modes', async () => {
    const site = c.site;
    expect(site.routing).toBe('manual');
    expect((await c.adminApi.patch(`/api/sites/${site.id}`, { routing: 'fast' })).status).toBe(400);
    expect((await c.member.patch(`/api/sites/${site.id}`, { routing: 'auto' })).status).toBe(403);
    expect((await c.adminApi.patch<Site>(`/api/sites/${site.id}`, { routing: 'auto' })).body.routing).toBe('auto');
    expect((await c.adminApi.patch<Site>(`/api/sites/${site.id}`, { routing: 'manual' })).body.routing).toBe('manual');
  });
});

describe('manual routing (the default)', () => {
  it('leaves a new ticket open for someone to accept, even with members online', async () => {
    await clearFloor();
    await routedMember(server.url, c.adminApi);
    const t = (await newTicket(c.customer, 'manual please')).body;
    await settled();
    expect((await ticketOf(t.id)).status).toBe('open');
    expect((await c.customer.get(`/api/tickets/${t.id}/queue`)).body).toEqual({ ticketId: t.id, position: null });
  });
});

describe('auto routing', () => {
  let site: Site;
  let customer: ApiClient;
  let customerWs: TestSocket;
  beforeAll(async () => {
    site = await autoSite(c.adminApi, ORIGIN);
    customer = await ApiClient.visitor(server.url, site.key, ORIGIN);
    customerWs = track(await TestSocket.visitor(server.url, customer));
  });

  it('assigns a new ticket at once; the customer hears ticket_accepted {auto: true} and can chat', async () => {
    await clearFloor();
    const mia = await routedMember(server.url, c.adminApi, { name: 'Mia Auto' });
    const miaWs = track(await TestSocket.staff(server.url, mia.api));
    const t = (await newTicket(customer, 'route me')).body;
    const accepted = await customerWs.next((f) => f.type === 'ticket_accepted' && f.ticket.id === t.id);
    expect(accepted).toMatchObject({ auto: true, ticket: { status: 'assigned', assignee: { id: mia.user.id, name: 'Mia Auto' } } });
    await miaWs.next((f) => f.type === 'ticket_accepted' && f.ticket.id === t.id && f.auto === true);
    await customerWs.request({ type: 'join', ticketId: t.id });
    const sent = await customerWs.request({ type: 'message', ticketId: t.id, clientId: 'hello-1', body: 'hello?' });
    expect(sent.type).toBe('ack');
    const events = (await c.adminApi.get(`/api/tickets/${t.id}/events`)).body.events;
    expect(events.map((e: any) => [e.action, e.actor.kind])).toEqual([['create', 'customer'], ['accept', 'system']]);
    // The assignee may still release it... (transfer is the console's endpoint) and close it.
    expect((await mia.api.post(`/api/tickets/${t.id}/close`)).status).toBe(200);
  });

  it('gives the least recently assigned member the next ticket', async () => {
    await clearFloor();
    const a = await routedMember(server.url, c.adminApi);
    const b = await routedMember(server.url, c.adminApi);
    const got: string[] = [];
    for (let i = 0; i < 4; i++) {
      const t = (await newTicket(customer, `fair ${i}`)).body;
      await settled();
      got.push((await ticketOf(t.id)).assignee!.id);
    }
    expect(got[0]).not.toBe(got[1]);
    expect(got.slice(2)).toEqual(got.slice(0, 2));
    expect(new Set(got)).toEqual(new Set([a.user.id, b.user.id]));
  });

  it('queues when nobody is free, tells the customer their place, and assigns when capacity frees', async () => {
    await clearFloor();
    const solo = await routedMember(server.url, c.adminApi, { capacity: 1 });
    const first = (await newTicket(customer, 'first')).body;
    await settled();
    expect((await ticketOf(first.id)).assignee?.id).toBe(solo.user.id);
    const second = (await newTicket(customer, 'second')).body;
    await customerWs.next((f) => f.type === 'queue' && f.ticketId === second.id && f.position === 1);
    const third = (await newTicket(customer, 'third')).body;
    await customerWs.next((f) => f.type === 'queue' && f.ticketId === third.id && f.position === 2);
    expect((await customer.get(`/api/tickets/${third.id}/queue`)).body).toEqual({ ticketId: third.id, position: 2 });
    expect((await ticketOf(second.id)).status).toBe('open');

    // Closing frees capacity: the oldest waiting ticket is assigned, and the next moves up.
    const mark = customerWs.frames.length;
    await solo.api.post(`/api/tickets/${first.id}/close`);
    await customerWs.next((f) => f.type === 'ticket_accepted' && f.ticket.id === second.id && f.auto === true, 5000, mark);
    await customerWs.next((f) => f.type === 'queue' && f.ticketId === third.id && f.position === 1, 5000, mark);

    // Raising capacity assigns at once.
    await c.adminApi.patch(`/api/users/${solo.user.id}`, { capacity: 2 });
    await customerWs.next((f) => f.type === 'ticket_accepted' && f.ticket.id === third.id, 5000, mark);
    expect((await customer.get(`/api/tickets/${third.id}/queue`)).body.position).toBeNull();
  });

  it('gives away members nothing, and assigns the moment one comes online; a manual accept still works', async () => {
    await clearFloor();
    const away = await routedMember(server.url, c.adminApi, { status: 'away' });
    const waiting = (await newTicket(customer, 'anyone there?')).body;
    const manual = (await newTicket(customer, 'take me by hand')).body;
    await settled();
    expect((await ticketOf(waiting.id)).status).toBe('open');
    expect((await away.api.post(`/api/tickets/${manual.id}/accept`)).body).toMatchObject({ status: 'assigned', assignee: { id: away.user.id } });
    await away.api.patch('/api/users/me', { status: 'online' });
    await settled();
    expect((await ticketOf(waiting.id)).assignee?.id).toBe(away.user.id);
  });

  it('routes a category to its team only, and lets the rest go to anyone', async () => {
    await clearFloor();
    const outsider = await routedMember(server.url, c.adminApi);
    const biller = await routedMember(server.url, c.adminApi, { status: 'away' });
    const team = await c.adminApi.post<Team>('/api/teams', { name: 'Billing desk', memberIds: [biller.user.id], categories: ['Billing'] });
    expect(team.status).toBe(201);
    const bill = (await customer.post<Ticket>('/api/tickets', { category: 'Billing', urgency: 'low', description: 'invoice' })).body;
    const tech = (await customer.post<Ticket>('/api/tickets', { category: 'Technical', urgency: 'low', description: 'crash' })).body;
    await settled();
    expect((await ticketOf(bill.id)).status).toBe('open');
    expect((await ticketOf(tech.id)).assignee?.id).toBe(outsider.user.id);
    await biller.api.patch('/api/users/me', { status: 'online' });
    await settled();
    expect((await ticketOf(bill.id)).assignee?.id).toBe(biller.user.id);
    await c.adminApi.call('DELETE', `/api/teams/${team.body.id}`);
  });

  it('shows load per member and the waiting tickets per team in the stats', async () => {
    await clearFloor();
    const m = await routedMember(server.url, c.adminApi, { capacity: 1, name: 'Loaded' });
    await newTicket(customer, 'one');
    await newTicket(customer, 'two');
    await settled();
    const stats = (await c.adminApi.get<Stats>('/api/stats')).body.routing;
    expect(stats.members.find((x) => x.id === m.user.id)).toEqual({ id: m.user.id, name: 'Loaded', status: 'online', assigned: 1, capacity: 1 });
    expect(stats.waiting).toBe(1);
    expect(stats.longestWaitSeconds).toBeGreaterThanOrEqual(0);
    expect(stats.queues).toEqual([{ team: null, waiting: 1, longestWaitSeconds: expect.any(Number) }]);
    expect((await c.member.get('/api/stats')).status).toBe(403);
  });

  it('lets only the ticket\'s own customer (and staff) read its queue position', async () => {
    const t = (await newTicket(customer, 'mine')).body;
    const stranger = await ApiClient.visitor(server.url, site.key, ORIGIN);
    expect((await stranger.get(`/api/tickets/${t.id}/queue`)).status).toBe(404);
    expect((await c.customer.get(`/api/tickets/${t.id}/queue`)).status).toBe(404);
    expect((await customer.get('/api/tickets/not-a-uuid/queue')).status).toBe(404);
    expect((await c.adminApi.get(`/api/tickets/${t.id}/queue`)).status).toBe(200);
  });
});

describe('teams', () => {
  it('lets admins create, change and delete teams, members read them, and refuses bad input', async () => {
    const created = await c.adminApi.post<Team>('/api/teams', { name: 'Tech', memberIds: [c.memberUser.id], categories: ['Technical', 'Account'] });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'Tech', memberIds: [c.memberUser.id], categories: ['Account', 'Technical'] });
    const id = created.body.id;
    expect((await c.member.get<{ teams: Team[] }>('/api/teams')).body.teams.map((t) => t.id)).toContain(id);
    expect((await c.customer.get('/api/teams')).status).toBe(403);
    expect((await c.member.post('/api/teams', { name: 'Mine', memberIds: [], categories: [] })).status).toBe(403);
    expect((await c.member.patch(`/api/teams/${id}`, { name: 'x' })).status).toBe(403);
    expect((await c.member.call('DELETE', `/api/teams/${id}`)).status).toBe(403);

    const conflict = await c.adminApi.post('/api/teams', { name: 'Other', memberIds: [], categories: ['Technical'] });
    expect(conflict.status).toBe(409);
    expect((await c.adminApi.post('/api/teams', { name: 'Tech', memberIds: [], categories: [] })).status).toBe(409);
    expect((await c.adminApi.post('/api/teams', { name: 'Ghosts', memberIds: ['6b1f0a52-7c1e-4a55-8f3a-2b8f0c6d9e01'], categories: [] })).status).toBe(400);
    expect((await c.adminApi.post('/api/teams', { name: 'Bad ids', memberIds: ["1' or 1=1"], categories: [] })).status).toBe(400);
    expect((await c.adminApi.post('/api/teams', { name: '', memberIds: [], categories: [] })).status).toBe(400);
    expect((await c.adminApi.post('/api/teams', { name: 'No lists' })).status).toBe(400);
    expect((await c.adminApi.post('/api/teams', { name: 'Huge', memberIds: [], categories: Array.from({ length: 31 }, (_, i) => `c${i}`) })).status).toBe(413);
    expect((await c.adminApi.post('/api/teams', { name: 'x'.repeat(81), memberIds: [], categories: [] })).status).toBe(413);
    // A failed write changed nothing.
    expect((await c.adminApi.get<{ teams: Team[] }>('/api/teams')).body.teams.filter((t) => t.name !== 'Tech')).toEqual([]);

    const patched = await c.adminApi.patch<Team>(`/api/teams/${id}`, { name: 'Technical desk', categories: ['Technical'] });
    expect(patched.body).toMatchObject({ name: 'Technical desk', memberIds: [c.memberUser.id], categories: ['Technical'] });
    expect((await c.adminApi.post('/api/teams', { name: 'Accounts', memberIds: [], categories: ['Account'] })).status).toBe(201);
    expect((await c.adminApi.patch(`/api/teams/${id}`, { categories: ['Account'] })).status).toBe(409);
    expect((await c.adminApi.get<Team>(`/api/teams`)).body).toBeTruthy();
    expect((await c.adminApi.call('DELETE', `/api/teams/${id}`)).status).toBe(204);
    expect((await c.adminApi.call('DELETE', `/api/teams/${id}`)).status).toBe(404);
    expect((await c.adminApi.patch('/api/teams/nope', { name: 'x' })).status).toBe(404);
  });
});

describe('status follows the console socket', () => {
  let fast: TestServer;
  afterAll(() => fast?.close());

  it('goes offline when the last socket has been closed for the grace period, and online again when it comes back', async () => {
    fast = await startTestServer({ config: { offlineGraceSeconds: 0.3 } });
    const fc = await cast(fast.url, fast.admin);
    const status = async () => (await fc.adminApi.get<{ users: User[] }>('/api/users')).body.users.find((u) => u.id === fc.memberUser.id)!.status;
    expect(await status()).toBe('offline');
    const one = await TestSocket.staff(fast.url, fc.member);
    // 'ready' waits for the status the socket brings back: a console reading its status then reads this.
    expect(await status()).toBe('online');
    const two = await TestSocket.staff(fast.url, fc.member);
    one.close();
    await new Promise((r) => setTimeout(r, 600));
    expect(await status()).toBe('online');
    two.close();
    // A reload within the grace period keeps the member online.
    const three = await TestSocket.staff(fast.url, fc.member);
    await new Promise((r) => setTimeout(r, 600));
    expect(await status()).toBe('online');
    three.close();
    await until(async () => (await status()) === 'offline');
    const four = await TestSocket.staff(fast.url, fc.member);
    expect(await status()).toBe('online');
    // A status the member chose is kept when they reconnect.
    await fc.member.patch('/api/users/me', { status: 'away' });
    four.close();
    await until(async () => (await status()) === 'offline');
    await fc.member.patch('/api/users/me', { status: 'offline' });
    const five = await TestSocket.staff(fast.url, fc.member);
    await new Promise((r) => setTimeout(r, 300));
    expect(await status()).toBe('offline');
    five.close();
  });

  it('brings many members online at once, each socket ready only once its status is stored, and keeps a chosen one', async () => {
    const fc = await cast(fast.url, fast.admin);
    const members = await Promise.all(Array.from({ length: 12 }, async (_, i) => {
      const email = `wave-${i}@example.test`;
      await fc.adminApi.post('/api/users', { email, name: `Wave ${i}`, password: 'member-password-1', role: 'member' });
      return ApiClient.staff(fast.url, email, 'member-password-1');
    }));
    await members[0]!.patch('/api/users/me', { status: 'away' });
    const statuses = async () => new Map((await fc.adminApi.get<{ users: User[] }>('/api/users')).body.users.map((u) => [u.email, u.status]));
    const sockets = await Promise.all(members.map((m) => TestSocket.staff(fast.url, m)));
    const now = await statuses();
    expect(now.get('wave-0@example.test')).toBe('away');
    for (let i = 1; i < 12; i++) expect(now.get(`wave-${i}@example.test`), `wave-${i}`).toBe('online');
    for (const s of sockets) s.close();
  });
});

async function until(check: () => Promise<boolean>, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}

