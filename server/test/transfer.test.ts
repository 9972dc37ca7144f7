import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Site, Ticket } from '../../protocol/index.ts';
import { ApiClient, cast, newTicket, TestSocket } from '../testing/api.ts';
import { autoSite, routedMember } from '../testing/routing.ts';
import { startTestServer, type TestServer } from '../testing/test-server.ts';

/** `POST /api/tickets/:id/assign`: transfer to another member, or release to the queue. */
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

const ticketOf = async (id: string): Promise<Ticket> => (await c.adminApi.get<Ticket>(`/api/tickets/${id}`)).body;
const assign = (api: ApiClient, id: string, userId: string | null) => api.post<Ticket>(`/api/tickets/${id}/assign`, { userId });

/** A ticket on the cast's (manual) site, accepted by `by`. */
async function assignedTo(by: ApiClient, description = 'hand me over'): Promise<Ticket> {
  const t = (await newTicket(c.customer, description)).body;
  const accepted = await by.post<Ticket>(`/api/tickets/${t.id}/accept`);
  if (accepted.status !== 200) throw new Error(JSON.stringify(accepted.body));
  return accepted.body;
}

describe('transfer', () => {
  it('hands the ticket to another member: the customer learns the new name, the old assignee hears of it and leaves the room, the new one chats on', async () => {
    const mia = await routedMember(server.url, c.adminApi, { name: 'Mia Giver', status: 'away' });
    const tom = await routedMember(server.url, c.adminApi, { name: 'Tom Taker', status: 'away' });
    const bystander = await routedMember(server.url, c.adminApi, { status: 'away' });
    const t = await assignedTo(mia.api);
    const customerWs = track(await TestSocket.visitor(server.url, c.customer));
    const miaWs = track(await TestSocket.staff(server.url, mia.api));
    const tomWs = track(await TestSocket.staff(server.url, tom.api));
    const otherWs = track(await TestSocket.staff(server.url, bystander.api));
    await customerWs.request({ type: 'join', ticketId: t.id });
    expect((await miaWs.request({ type: 'join', ticketId: t.id })).type).toBe('ack');

    const moved = await assign(mia.api, t.id, tom.user.id);
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ status: 'assigned', assignee: { id: tom.user.id, name: 'Tom Taker' } });
    const told = await customerWs.next((f) => f.type === 'ticket_updated' && f.ticket.id === t.id);
    expect(told).toMatchObject({ ticket: { assignee: { name: 'Tom Taker' } } });
    await tomWs.next((f) => f.type === 'ticket_updated' && f.ticket.id === t.id);
    await miaWs.next((f) => f.type === 'ticket_updated' && f.ticket.id === t.id && f.ticket.assignee?.id === tom.user.id);
    // A member who could not see it before or after hears nothing.
    expect(await otherWs.quiet((f) => f.type.startsWith('ticket_') && (f as { ticket?: Ticket }).ticket?.id === t.id)).toEqual([]);

    // The old assignee may no longer see or write; the new one writes, and the customer receives it.
    expect((await mia.api.get(`/api/tickets/${t.id}`)).status).toBe(404);
    expect((await miaWs.request({ type: 'message', ticketId: t.id, clientId: 'old-1', body: 'still me?' })).type).toBe('error');
    await tomWs.request({ type: 'join', ticketId: t.id });
    expect((await tomWs.request({ type: 'message', ticketId: t.id, clientId: 'new-1', body: 'Tom here, I will take it' })).type).toBe('ack');
    await customerWs.next((f) => f.type === 'message' && f.message.body === 'Tom here, I will take it');
    expect(miaWs.frames.some((f) => f.type === 'message' && f.message.body === 'Tom here, I will take it')).toBe(false);

    const events = (await c.adminApi.get(`/api/tickets/${t.id}/events`)).body.events;
    expect(events.at(-1)).toMatchObject({ action: 'transfer', from: 'assigned', to: 'assigned', actor: { id: mia.user.id }, reason: 'to Tom Taker' });
  });

  it('lets an admin move anyone\'s ticket, and is a no-op when asked for the current assignee', async () => {
    const a = await routedMember(server.url, c.adminApi, { status: 'away' });
    const t = await assignedTo(a.api);
    const same = await assign(c.adminApi, t.id, a.user.id);
    expect(same.status).toBe(200);
    expect((await c.adminApi.get(`/api/tickets/${t.id}/events`)).body.events.map((e: any) => e.action)).toEqual(['create', 'accept']);
    expect((await assign(c.adminApi, t.id, c.memberUser.id)).body.assignee?.id).toBe(c.memberUser.id);
  });

  it('refuses the wrong people, the wrong tickets and the wrong targets', async () => {
    const owner = await routedMember(server.url, c.adminApi, { status: 'away' });
    const other = await routedMember(server.url, c.adminApi, { status: 'away' });
    const t = await assignedTo(owner.api);
    const code = async (r: Promise<{ status: number; body: any }>) => {
      const { status, body } = await r;
      return [status, body?.error?.code];
    };
    // Who: a member who is not the assignee cannot even see it; customers and strangers are refused.
    expect(await code(assign(other.api, t.id, other.user.id))).toEqual([404, 'not_found']);
    expect(await code(assign(c.customer, t.id, other.user.id))).toEqual([403, 'forbidden']);
    expect(await code(assign(new ApiClient(server.url), t.id, null))).toEqual([401, 'unauthorized']);
    const token = (await c.adminApi.post('/api/tokens', { name: 'bot', scopes: ['tickets:write'] })).body.token;
    const bot = new ApiClient(server.url, { origin: undefined });
    bot.token = token;
    expect(await code(assign(bot, t.id, null))).toEqual([403, 'forbidden']);

    // Whom: unknown ids, a customer's id, a deactivated member, nonsense.
    expect(await code(assign(owner.api, t.id, '6b1f0a52-7c1e-4a55-8f3a-2b8f0c6d9e01'))).toEqual([400, 'bad_request']);
    expect(await code(assign(owner.api, t.id, t.customer.id))).toEqual([400, 'bad_request']);
    const gone = await routedMember(server.url, c.adminApi, { status: 'away' });
    await c.adminApi.patch(`/api/users/${gone.user.id}`, { active: false });
    expect(await code(assign(owner.api, t.id, gone.user.id))).toEqual([400, 'bad_request']);
    for (const bad of [{ userId: "1' or 1=1" }, { userId: 5 }, {}, { userId: 'x'.repeat(70_000) }]) {
      expect((await owner.api.post(`/api/tickets/${t.id}/assign`, bad)).status).toBeGreaterThanOrEqual(400);
    }
    expect(await code(owner.api.post(`/api/tickets/${t.id}/assign`, 'null'))).toEqual([400, 'bad_request']);
    expect(await code(assign(owner.api, 'not-a-uuid', null))).toEqual([404, 'not_found']);

    // Full: a target at capacity is refused (409), and nothing changed.
    const full = await routedMember(server.url, c.adminApi, { status: 'away', capacity: 1 });
    await assignedTo(full.api, 'keeps them busy');
    expect(await code(assign(owner.api, t.id, full.user.id))).toEqual([409, 'invalid_state']);
    expect((await ticketOf(t.id)).assignee?.id).toBe(owner.user.id);

    // When: open, rejected and closed tickets cannot be handed over.
    const open = (await newTicket(c.customer, 'nobody has me')).body;
    expect(await code(assign(c.adminApi, open.id, null))).toEqual([409, 'invalid_state']);
    expect(await code(assign(c.adminApi, open.id, owner.user.id))).toEqual([409, 'invalid_state']);
    await c.adminApi.post(`/api/tickets/${open.id}/reject`, {});
    expect(await code(assign(c.adminApi, open.id, owner.user.id))).toEqual([409, 'invalid_state']);
    await owner.api.post(`/api/tickets/${t.id}/close`);
    expect(await code(assign(c.adminApi, t.id, other.user.id))).toEqual([409, 'invalid_state']);
    expect(await code(assign(c.adminApi, t.id, null))).toEqual([409, 'invalid_state']);
  });

  it('lets exactly one of concurrent hand-overs by the assignee win', async () => {
    const owner = await routedMember(server.url, c.adminApi, { status: 'away' });
    const x = await routedMember(server.url, c.adminApi, { status: 'away' });
    const y = await routedMember(server.url, c.adminApi, { status: 'away' });
    for (let round = 0; round < 3; round++) {
      const t = await assignedTo(owner.api, `race ${round}`);
      const results = await Promise.all([assign(owner.api, t.id, x.user.id), assign(owner.api, t.id, y.user.id), assign(owner.api, t.id, null)]);
      const won = results.filter((r) => r.status === 200);
      expect(won).toHaveLength(1);
      expect(results.filter((r) => r.status !== 200).map((r) => (r.body as any).error.code)).toEqual(expect.arrayContaining([expect.stringMatching(/invalid_state|not_found/)]));
      const after = await ticketOf(t.id);
      expect({ status: after.status, assignee: after.assignee?.id ?? null }).toEqual({ status: won[0]!.body.status, assignee: won[0]!.body.assignee?.id ?? null });
      const events = (await c.adminApi.get(`/api/tickets/${t.id}/events`)).body.events;
      expect(events.filter((e: any) => e.action === 'transfer' || e.action === 'release')).toHaveLength(1);
    }
  });

  it('never takes a target above capacity when many transfers race for their last slot', async () => {
    const owner = await routedMember(server.url, c.adminApi, { status: 'away', capacity: 10 });
    const target = await routedMember(server.url, c.adminApi, { status: 'away', capacity: 2 });
    const tickets = await Promise.all([1, 2, 3, 4, 5].map((i) => assignedTo(owner.api, `slot ${i}`)));
    const results = await Promise.all(tickets.map((t) => assign(owner.api, t.id, target.user.id)));
    expect(results.filter((r) => r.status === 200)).toHaveLength(2);
    expect(results.filter((r) => r.status === 409)).toHaveLength(3);
    const load = (await c.adminApi.get<{ tickets: Ticket[] }>('/api/tickets?status=assigned')).body.tickets.filter((t) => t.assignee?.id === target.user.id);
    expect(load).toHaveLength(2);
  });
});

describe('the staff directory (whom to transfer to)', () => {
  it('lists active staff with status and load, without emails, to staff only', async () => {
    const m = await routedMember(server.url, c.adminApi, { name: 'Dir Member', status: 'away', capacity: 3 });
    await assignedTo(m.api, 'on their desk');
    const gone = await routedMember(server.url, c.adminApi, { name: 'Dir Gone' });
    await c.adminApi.patch(`/api/users/${gone.user.id}`, { active: false });
    const r = await c.member.get('/api/members');
    expect(r.status).toBe(200);
    expect(r.body.members.find((x: any) => x.id === m.user.id)).toEqual({ id: m.user.id, name: 'Dir Member', status: 'away', assigned: 1, capacity: 3 });
    expect(r.body.members.some((x: any) => x.id === gone.user.id)).toBe(false);
    expect(JSON.stringify(r.body)).not.toContain('@');
    expect((await c.customer.get('/api/members')).status).toBe(403);
    expect((await new ApiClient(server.url).get('/api/members')).status).toBe(401);
  });
});

describe('release', () => {
  it('puts the ticket back in the open queue, for every member to see and accept', async () => {
    const owner = await routedMember(server.url, c.adminApi, { status: 'away' });
    const t = await assignedTo(owner.api);
    const memberWs = track(await TestSocket.staff(server.url, c.member));
    const customerWs = track(await TestSocket.visitor(server.url, c.customer));
    const released = await assign(owner.api, t.id, null);
    expect(released.body).toMatchObject({ status: 'open', assignee: null, acceptedAt: null });
    await memberWs.next((f) => f.type === 'ticket_updated' && f.ticket.id === t.id && f.ticket.status === 'open');
    await customerWs.next((f) => f.type === 'ticket_updated' && f.ticket.id === t.id && f.ticket.assignee === null);
    expect((await customerWs.request({ type: 'message', ticketId: t.id, clientId: 'c-1', body: 'hello?' }))).toMatchObject({ type: 'error', code: 'invalid_state' });
    expect((await c.member.post<Ticket>(`/api/tickets/${t.id}/accept`)).body.assignee?.id).toBe(c.memberUser.id);
    const events = (await c.adminApi.get(`/api/tickets/${t.id}/events`)).body.events;
    expect(events.map((e: any) => e.action)).toEqual(['create', 'accept', 'release', 'accept']);
  });

  it('on an auto site, frees capacity: the waiting ticket is assigned, and the released one goes to someone else first', async () => {
    await server.services.db.sql(`update users set status = 'offline', status_auto = false`);
    await server.services.db.sql(`update tickets set status = 'closed', closed_at = now() where status in ('open', 'assigned')`);
    const ORIGIN = 'http://transfer-auto.test';
    const site: Site = await autoSite(c.adminApi, ORIGIN);
    const customer = await ApiClient.visitor(server.url, site.key, ORIGIN);
    const solo = await routedMember(server.url, c.adminApi, { capacity: 1 });
    const first = (await newTicket(customer, 'first')).body;
    await server.services.routing.settled();
    expect((await ticketOf(first.id)).assignee?.id).toBe(solo.user.id);
    const second = (await newTicket(customer, 'second')).body;
    await server.services.routing.settled();
    expect((await ticketOf(second.id)).status).toBe('open');

    // Transfer to a member who is away: solo's slot frees, and routing gives it the waiting ticket.
    const away = await routedMember(server.url, c.adminApi, { status: 'away' });
    expect((await assign(solo.api, first.id, away.user.id)).status).toBe(200);
    await server.services.routing.settled();
    expect((await ticketOf(second.id)).assignee?.id).toBe(solo.user.id);

    // A release with another member free goes to that member, not back to the one who let it go.
    const helper = await routedMember(server.url, c.adminApi, { capacity: 1 });
    await server.services.routing.settled();
    expect((await assign(solo.api, second.id, null)).status).toBe(200);
    await server.services.routing.settled();
    expect((await ticketOf(second.id)).assignee?.id).toBe(helper.user.id);
  });
});
