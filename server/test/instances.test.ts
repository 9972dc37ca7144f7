import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ticket } from '../../protocol/index.ts';
import { ApiClient, cast, newTicket, TestSocket } from '../testing/api.ts';
import { spawnServer } from '../testing/spawn-server.ts';
import { startTestServer, type TestServer } from '../testing/test-server.ts';

// Several instances share one PostgreSQL and fan events out through LISTEN/NOTIFY; PGlite is one process by nature.
const onPostgres = !!process.env.DATABASE_URL;

describe.skipIf(!onPostgres)('two server processes on one PostgreSQL', () => {
  let a: TestServer;
  let b: Awaited<ReturnType<typeof spawnServer>>;
  const sockets: TestSocket[] = [];
  beforeAll(async () => {
    a = await startTestServer();
    // Instance B is a separate `node server/main.ts` process on the same database.
    b = await spawnServer({ DATABASE_URL: a.databaseUrl!, PARLEY_LOG: 'silent' });
  });
  afterAll(async () => {
    for (const s of sockets) s.close();
    await b?.stop();
    await a?.close();
  });

  it('lets a customer on one and a member on the other work a ticket end to end', async () => {
    const c = await cast(a.url, a.admin, 'http://shop.test');
    // The member signs in and connects to instance B; the customer stays on A.
    const memberB = await ApiClient.staff(b.url, (await c.member.get('/api/auth/me')).body.user.email, 'member-password-1');
    const memberWs = await TestSocket.staff(b.url, memberB);
    const customerWs = await TestSocket.visitor(a.url, c.customer);
    sockets.push(memberWs, customerWs);

    const ticket = (await newTicket(c.customer, 'across instances')).body;
    await memberWs.next((f) => f.type === 'ticket_created' && f.ticket.id === ticket.id);
    await memberB.post(`/api/tickets/${ticket.id}/accept`);
    await customerWs.next((f) => f.type === 'ticket_accepted' && f.ticket.id === ticket.id);

    await memberWs.request({ type: 'join', ticketId: ticket.id });
    await customerWs.request({ type: 'join', ticketId: ticket.id });
    for (let i = 1; i <= 10; i++) {
      await customerWs.request({ type: 'message', ticketId: ticket.id, clientId: `c${i}`, body: `from A ${i}` });
      await memberWs.request({ type: 'message', ticketId: ticket.id, clientId: `m${i}`, body: `from B ${i}` });
    }
    await customerWs.next((f) => f.type === 'message' && f.message.seq === 20);
    await memberWs.next((f) => f.type === 'message' && f.message.seq === 20);
    const all = Array.from({ length: 20 }, (_, i) => i + 1);
    expect(customerWs.messages(ticket.id)).toEqual(all);
    expect(memberWs.messages(ticket.id)).toEqual(all);

    memberWs.send({ type: 'typing', ticketId: ticket.id });
    expect(await customerWs.next((f) => f.type === 'typing')).toMatchObject({ author: { kind: 'member' } });

    await memberB.post(`/api/tickets/${ticket.id}/close`);
    const closed = await customerWs.next((f) => f.type === 'ticket_closed');
    expect((closed as { ticket: Ticket }).ticket.status).toBe('closed');
  });

  it('carries messages too large for a NOTIFY payload as ids, read back by the receiver', async () => {
    const c = await cast(a.url, a.admin, 'http://big.test');
    const ticket = (await newTicket(c.customer)).body;
    await c.member.post(`/api/tickets/${ticket.id}/accept`);
    const memberB = await ApiClient.staff(b.url, (await c.member.get('/api/auth/me')).body.user.email, 'member-password-1');
    const memberWs = await TestSocket.staff(b.url, memberB);
    sockets.push(memberWs);
    await memberWs.request({ type: 'join', ticketId: ticket.id });
    const body = 'é'.repeat(3999); // ~8 KB of UTF-8: over the NOTIFY limit
    await c.customer.post(`/api/tickets/${ticket.id}/messages`, { clientId: 'big', body });
    const got = await memberWs.next((f) => f.type === 'message' && f.message.clientId === 'big');
    expect((got as { message: { body: string } }).message.body).toBe(body);
  });

  it('carries notes (small, and too large for NOTIFY) and mentions to staff on the other instance, never to the customer', async () => {
    const c = await cast(a.url, a.admin, 'http://notes.test');
    const ticket = (await newTicket(c.customer)).body;
    await c.member.post(`/api/tickets/${ticket.id}/accept`);
    const adminB = await ApiClient.staff(b.url, a.admin.email, a.admin.password);
    const adminWs = await TestSocket.staff(b.url, adminB);
    const customerWs = await TestSocket.visitor(b.url, c.customer);
    sockets.push(adminWs, customerWs);
    await adminWs.request({ type: 'join', ticketId: ticket.id });
    await customerWs.request({ type: 'join', ticketId: ticket.id });
    const me = (await adminB.get('/api/auth/me')).body.user;
    const big = `@${me.name} ${'é'.repeat(3980)}`; // ~8 KB of UTF-8: over the NOTIFY limit
    await c.member.post(`/api/tickets/${ticket.id}/messages`, { clientId: 'n-small', body: 'small note', internal: true });
    expect((await c.member.post(`/api/tickets/${ticket.id}/messages`, { clientId: 'n-big', body: big, internal: true })).status).toBe(201);
    await c.member.post(`/api/tickets/${ticket.id}/messages`, { clientId: 'public', body: 'public reply' });
    const notes = async () => adminWs.frames.filter((f) => f.type === 'message' && f.message.internal).map((f) => (f as { message: { seq: number } }).message.seq);
    await adminWs.next((f) => f.type === 'message' && f.message.clientId === 'n-big');
    expect(await notes()).toEqual([1, 2]);
    await adminWs.next((f) => f.type === 'mention' && f.ticketId === ticket.id);
    await customerWs.next((f) => f.type === 'message' && f.message.clientId === 'public');
    expect(customerWs.messages(ticket.id)).toEqual([1]);
    expect(customerWs.frames.filter((f) => (f.type === 'message' && f.message.internal) || f.type === 'mention')).toEqual([]);
  });

  it('shows customers the staff online on any instance', async () => {
    const c = await cast(a.url, a.admin, 'http://presence.test');
    const customerWs = await TestSocket.visitor(a.url, c.customer);
    sockets.push(customerWs);
    const me = (await c.member.get('/api/auth/me')).body.user;
    const memberB = await ApiClient.staff(b.url, me.email, 'member-password-1');
    const memberWs = await TestSocket.staff(b.url, memberB);
    sockets.push(memberWs);
    await customerWs.next((f) => f.type === 'presence' && !f.ticketId && f.online.some((p) => p.id === me.id));
  });

  it("closes a visitor's sockets on every instance when identify or reset replaces its token", async () => {
    const c = await cast(a.url, a.admin, 'http://replace.test');
    const anon = await ApiClient.visitor(a.url, c.site.key, c.origin);
    const onB = await TestSocket.visitor(b.url, anon);
    const identity = { id: 'across', hash: createHmac('sha256', c.site.secret).update('across').digest('hex') };
    const r = await anon.post('/api/visitor', { siteKey: c.site.key, visitorToken: anon.token, identity });
    expect((await onB.closed).code).toBe(4001);
    anon.token = r.body.visitorToken;
    const again = await TestSocket.visitor(b.url, anon);
    expect((await anon.post('/api/visitor/reset')).status).toBe(204);
    expect((await again.closed).code).toBe(4001);
  });

  it('revokes sessions across instances when a member is deactivated', async () => {
    const c = await cast(a.url, a.admin, 'http://revoke.test');
    const me = (await c.member.get('/api/auth/me')).body.user;
    const memberB = await ApiClient.staff(b.url, me.email, 'member-password-1');
    const memberWs = await TestSocket.staff(b.url, memberB);
    expect((await c.adminApi.patch(`/api/users/${me.id}`, { active: false })).status).toBe(200);
    expect((await memberWs.closed).code).toBe(4001);
    expect((await memberB.get('/api/auth/me')).status).toBe(401);
  });
});
