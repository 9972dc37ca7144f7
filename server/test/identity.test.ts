import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ticket } from '../../protocol/index.ts';
import { ApiClient, cast, newTicket, TestSocket } from '../testing/api.ts';
import { startTestServer, type TestServer } from '../testing/test-server.ts';

let server: TestServer;
let c: Awaited<ReturnType<typeof cast>>;
const hmac = (secret: string, s: string) => createHmac('sha256', secret).update(s).digest('hex');

beforeAll(async () => {
  server = await startTestServer();
  c = await cast(server.url, server.admin);
});
afterAll(async () => server?.close());

describe('customer identity', () => {
  it("moves an anonymous visitor's tickets and messages to the verified customer on identify", async () => {
    const anon = await ApiClient.visitor(server.url, c.site.key, c.origin);
    const t = (await newTicket(anon, 'before login')).body;
    await c.member.post(`/api/tickets/${t.id}/accept`);
    await anon.post(`/api/tickets/${t.id}/messages`, { clientId: 'x1', body: 'typed before login' });
    const identity = { id: 'user-42', email: 'ann@shop.test', name: 'Ann', hash: hmac(c.site.secret, 'user-42') };
    const r = await anon.post('/api/visitor', { siteKey: c.site.key, visitorToken: anon.token, identity });
    expect(r.status).toBe(200);
    expect(r.body.customer).toMatchObject({ verified: true, name: 'Ann', email: 'ann@shop.test' });
    expect(r.body.visitorToken).not.toBe(anon.token);
    expect((await anon.get('/api/tickets')).status).toBe(401); // the anonymous token is retired
    anon.token = r.body.visitorToken;
    const tickets = (await anon.get<{ tickets: Ticket[] }>('/api/tickets')).body.tickets;
    expect(tickets.map((x) => x.id)).toEqual([t.id]);
    expect(tickets[0]!.customer).toEqual({ id: r.body.customer.id, name: 'Ann' });
    const messages = (await anon.get(`/api/tickets/${t.id}/messages`)).body.messages;
    expect(messages[0].author.id).toBe(r.body.customer.id);

    // The same person on another device gets the same customer and sees the same tickets.
    const phone = await ApiClient.visitor(server.url, c.site.key, c.origin, { identity });
    expect(phone.session.customer.id).toBe(r.body.customer.id);
    expect((await phone.get<{ tickets: Ticket[] }>('/api/tickets')).body.tickets.map((x) => x.id)).toEqual([t.id]);
  });

  it('makes one customer of concurrent first contacts with the same identity', async () => {
    const identity = { id: 'user-race', hash: hmac(c.site.secret, 'user-race') };
    const all = await Promise.all(Array.from({ length: 5 }, () => ApiClient.visitor(server.url, c.site.key, c.origin, { identity })));
    expect(new Set(all.map((v) => v.session.customer.id)).size).toBe(1);
  });

  it('refuses a wrong or expired hash, and accepts one with a future expiry', async () => {
    const v = new ApiClient(server.url, { origin: c.origin });
    const wrong = await v.post('/api/visitor', { siteKey: c.site.key, identity: { id: 'user-42', hash: hmac('not-the-secret', 'user-42') } });
    expect(wrong).toMatchObject({ status: 401, body: { error: { code: 'unauthorized' } } });
    const past = Math.floor(Date.now() / 1000) - 10;
    const expired = await v.post('/api/visitor', { siteKey: c.site.key, identity: { id: 'u9', expiresAt: past, hash: hmac(c.site.secret, `v2:u9:${past}`) } });
    expect(expired.body.error.message).toMatch(/expired/);
    const future = Math.floor(Date.now() / 1000) + 600;
    const ok = await v.post('/api/visitor', { siteKey: c.site.key, identity: { id: 'u9', expiresAt: future, hash: hmac(c.site.secret, `v2:u9:${future}`) } });
    expect(ok.status).toBe(200);
  });

  it('signs identified visitors out when the site secret is rotated', async () => {
    const identity = { id: 'user-rot', hash: hmac(c.site.secret, 'user-rot') };
    const v = await ApiClient.visitor(server.url, c.site.key, c.origin, { identity });
    const ws = await TestSocket.visitor(server.url, v);
    const rotated = await c.adminApi.post(`/api/sites/${c.site.id}/rotate-secret`);
    expect(rotated.body.secret).not.toBe(c.site.secret);
    expect((await ws.closed).code).toBe(4001);
    expect((await v.get('/api/tickets')).status).toBe(401);
    const stale = await new ApiClient(server.url, { origin: c.origin }).post('/api/visitor', { siteKey: c.site.key, identity });
    expect(stale.status).toBe(401);
    c.site.secret = rotated.body.secret;
  });

  it('lets a site require identity, after which anonymous visitors cannot open tickets or write', async () => {
    const earlier = await ApiClient.visitor(server.url, c.site.key, c.origin);
    const before = (await newTicket(earlier, 'opened before the switch')).body;
    await c.member.post(`/api/tickets/${before.id}/accept`);
    await c.adminApi.patch(`/api/sites/${c.site.id}`, { requireIdentity: true });
    const refused = await earlier.post(`/api/tickets/${before.id}/messages`, { clientId: 'late', body: 'still anonymous' });
    expect(refused).toMatchObject({ status: 403, body: { error: { code: 'forbidden' } } });
    // ...and read nothing, not even their own old tickets (the same rule as writing: protocol/lifecycle.ts).
    expect((await earlier.get('/api/tickets')).body.tickets).toEqual([]);
    expect((await earlier.get(`/api/tickets/${before.id}`)).status).toBe(404);
    expect((await earlier.get(`/api/tickets/${before.id}/messages`)).status).toBe(404);
    const ws = await TestSocket.visitor(server.url, earlier);
    expect(await ws.request({ type: 'join', ticketId: before.id })).toMatchObject({ type: 'error', code: 'not_found' });
    ws.close();
    const anon = await ApiClient.visitor(server.url, c.site.key, c.origin);
    expect(anon.session.site.requireIdentity).toBe(true);
    expect((await newTicket(anon)).status).toBe(403);
    const known = await ApiClient.visitor(server.url, c.site.key, c.origin, { identity: { id: 'vip', hash: hmac(c.site.secret, 'vip') } });
    expect((await newTicket(known)).status).toBe(201);
    await c.adminApi.patch(`/api/sites/${c.site.id}`, { requireIdentity: false });
  });

  it('makes a retried ticket creation with the same clientId idempotent', async () => {
    const v = await ApiClient.visitor(server.url, c.site.key, c.origin);
    const body = { category: 'Billing', urgency: 'low', description: 'retry me', clientId: 'form-1' };
    const [a, b] = await Promise.all([v.post('/api/tickets', body), v.post('/api/tickets', body)]);
    expect(a.body.id).toBe(b.body.id);
    expect([a.status, b.status].sort()).toEqual([200, 201]);
    expect((await v.get('/api/tickets')).body.tickets).toHaveLength(1);
  });
});

describe('credential changes end the old credential and its sockets (4001)', () => {
  it('closes the anonymous socket when identify replaces its token, so it hears nothing more', async () => {
    const anon = await ApiClient.visitor(server.url, c.site.key, c.origin);
    const t = (await newTicket(anon, 'then I signed in')).body;
    await c.member.post(`/api/tickets/${t.id}/accept`);
    const old = await TestSocket.visitor(server.url, anon);
    await old.request({ type: 'join', ticketId: t.id });
    const identity = { id: 'user-replace', hash: hmac(c.site.secret, 'user-replace') };
    expect((await anon.post('/api/visitor', { siteKey: c.site.key, visitorToken: anon.token, identity })).status).toBe(200);
    expect((await old.closed).code).toBe(4001);
    await c.member.post(`/api/tickets/${t.id}/messages`, { clientId: 'after-identify', body: 'for the verified customer only' });
    expect(old.frames.some((f) => f.type === 'message' && f.message.clientId === 'after-identify')).toBe(false);
  });

  it('retires a verified token replaced by another identity, and closes its sockets', async () => {
    const first = await ApiClient.visitor(server.url, c.site.key, c.origin, { identity: { id: 'user-a', hash: hmac(c.site.secret, 'user-a') } });
    const ws = await TestSocket.visitor(server.url, first);
    const other = { id: 'user-b', hash: hmac(c.site.secret, 'user-b') };
    const r = await first.post('/api/visitor', { siteKey: c.site.key, visitorToken: first.token, identity: other });
    expect(r.body.customer.id).not.toBe(first.session.customer.id);
    expect((await ws.closed).code).toBe(4001);
    expect((await first.get('/api/tickets')).status).toBe(401);
    // user-a's other devices keep their own tokens.
    const elsewhere = await ApiClient.visitor(server.url, c.site.key, c.origin, { identity: { id: 'user-a', hash: hmac(c.site.secret, 'user-a') } });
    expect((await elsewhere.get('/api/tickets')).status).toBe(200);
  });

  it("ends the token on the widget's reset (POST /api/visitor/reset)", async () => {
    const v = await ApiClient.visitor(server.url, c.site.key, c.origin);
    const ws = await TestSocket.visitor(server.url, v);
    const stays = await TestSocket.visitor(server.url, c.customer);
    expect((await v.post('/api/visitor/reset')).status).toBe(204);
    expect((await ws.closed).code).toBe(4001);
    expect((await v.get('/api/tickets')).status).toBe(401);
    expect((await v.post('/api/visitor/reset')).status).toBe(401);
    expect(await stays.request({ type: 'ping' })).toMatchObject({ type: 'pong' }); // nobody else's socket
    stays.close();
  });

  it('refuses a leaked expiring hash as a never-expiring one for the id "<id>:<expiresAt>"', async () => {
    const future = Math.floor(Date.now() / 1000) + 600;
    const expiring = hmac(c.site.secret, `v2:leaky:${future}`);
    const v = new ApiClient(server.url, { origin: c.origin });
    expect((await v.post('/api/visitor', { siteKey: c.site.key, identity: { id: 'leaky', expiresAt: future, hash: expiring } })).status).toBe(200);
    for (const id of [`leaky:${future}`, `v2:leaky:${future}`]) {
      expect((await v.post('/api/visitor', { siteKey: c.site.key, identity: { id, hash: expiring } })).status).toBe(401);
    }
  });
});

describe('staff sessions', () => {
  it('gives one answer for every login failure and limits attempts per account', async () => {
    const api = new ApiClient(server.url);
    const unknown = await api.post('/api/auth/login', { email: 'nobody@example.test', password: 'whatever-123' });
    const wrong = await api.post('/api/auth/login', { email: server.admin.email, password: 'wrong-password' });
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual(unknown.body);
    for (let i = 0; i < 10; i++) await api.post('/api/auth/login', { email: 'victim@example.test', password: `guess-${i}` });
    const limited = await api.post('/api/auth/login', { email: 'victim@example.test', password: 'guess' });
    expect(limited).toMatchObject({ status: 429, body: { error: { code: 'rate_limited' } } });
  });

  it('sets an httpOnly SameSite cookie, issues a new session id at each login, and ends it at logout', async () => {
    const res = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', origin: server.url }, body: JSON.stringify(server.admin) });
    const cookie = res.headers.getSetCookie().find((x) => x.startsWith('parley_session='))!;
    expect(cookie).toMatch(/httponly/i);
    expect(cookie).toMatch(/samesite=lax/i);
    const one = await ApiClient.staff(server.url, server.admin.email, server.admin.password);
    const two = await ApiClient.staff(server.url, server.admin.email, server.admin.password);
    expect(one.cookie).not.toBe(two.cookie);
    const ws = await TestSocket.staff(server.url, one);
    expect((await one.post('/api/auth/logout')).status).toBe(204);
    expect((await ws.closed).code).toBe(4001);
    one.cookie = cookie.split(';')[0]!.replace(/=.*/, '=' + one.cookie.split('=')[1]);
    expect((await one.get('/api/auth/me')).status).toBe(401);
    expect((await two.get('/api/auth/me')).status).toBe(200);
  });

  it('ends sessions and sockets at once when a member is deactivated or their password changes', async () => {
    const created = await c.adminApi.post('/api/users', { email: 'temp@example.test', name: 'Temp', password: 'temp-password-1', role: 'member' });
    const temp = await ApiClient.staff(server.url, 'temp@example.test', 'temp-password-1');
    const ws = await TestSocket.staff(server.url, temp);
    await c.adminApi.patch(`/api/users/${created.body.id}`, { password: 'a-new-password-2' });
    expect((await ws.closed).code).toBe(4001);
    expect((await temp.get('/api/auth/me')).status).toBe(401);
    const again = await ApiClient.staff(server.url, 'temp@example.test', 'a-new-password-2');
    await c.adminApi.patch(`/api/users/${created.body.id}`, { active: false });
    expect((await again.get('/api/auth/me')).status).toBe(401);
    expect((await new ApiClient(server.url).post('/api/auth/login', { email: 'temp@example.test', password: 'a-new-password-2' })).status).toBe(401);
    expect((await c.adminApi.patch(`/api/users/${(await c.adminApi.get('/api/auth/me')).body.user.id}`, { active: false })).status).toBe(409);
  });
});
