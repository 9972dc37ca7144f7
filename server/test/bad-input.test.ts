import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIMITS, type Ticket } from '../../protocol/index.ts';
import { ApiClient, cast, newTicket, TestSocket } from '../testing/api.ts';
import { startTestServer, type TestServer } from '../testing/test-server.ts';

let server: TestServer;
let c: Awaited<ReturnType<typeof cast>>;
let ticket: Ticket;
const sockets: TestSocket[] = [];

beforeAll(async () => {
  server = await startTestServer();
  c = await cast(server.url, server.admin);
  ticket = (await newTicket(c.customer)).body;
  await c.member.post(`/api/tickets/${ticket.id}/accept`);
});
afterAll(async () => {
  for (const s of sockets) s.close();
  await server?.close();
});

const expectError = (reply: { status: number; body: any }, status: number, code: string) => {
  expect(reply.status).toBe(status);
  expect(reply.body.error.code).toBe(code);
  expect(typeof reply.body.error.message).toBe('string');
};

describe('bad HTTP bodies get a 4xx naming the problem, and change nothing', () => {
  it('malformed JSON, wrong content type, non-object bodies', async () => {
    expectError(await c.customer.call('POST', '/api/tickets', '{"category": "Billing",'), 400, 'bad_request');
    expectError(await c.customer.call('POST', '/api/tickets', 'category=Billing', { 'content-type': 'application/x-www-form-urlencoded' }), 400, 'bad_request');
    expectError(await c.customer.call('POST', '/api/tickets', '[1,2]'), 400, 'bad_request');
    expect((await c.customer.get('/api/tickets')).body.tickets).toHaveLength(1);
  });

  it('missing, wrong and oversized fields', async () => {
    const r1 = await c.customer.post('/api/tickets', { urgency: 'high', description: 'x' });
    expectError(r1, 400, 'bad_request');
    expect(r1.body.error.message).toContain('category');
    const r2 = await c.customer.post('/api/tickets', { category: 'Billing', urgency: 'whenever', description: 'x' });
    expect(r2.body.error.message).toContain('urgency');
    expectError(await c.customer.post('/api/tickets', { category: 'Nope', urgency: 'low', description: 'x' }), 400, 'bad_request');
    expectError(await c.customer.post('/api/tickets', { category: 'Billing', urgency: 'low', description: 'x'.repeat(LIMITS.description + 1) }), 413, 'too_large');
    expectError(await c.customer.post('/api/tickets', { category: 'Billing', urgency: 'low', description: '   ' }), 400, 'bad_request');
    expectError(await c.customer.post(`/api/tickets/${ticket.id}/messages`, { clientId: 'big', body: 'y'.repeat(LIMITS.messageBody + 1) }), 413, 'too_large');
    expectError(await c.customer.call('POST', '/api/tickets', JSON.stringify({ description: 'z'.repeat(70_000) })), 413, 'too_large');
    expect((await c.customer.get('/api/tickets')).body.tickets).toHaveLength(1);
  });

  it('unknown ids and routes', async () => {
    expectError(await c.member.get('/api/tickets/00000000-0000-0000-0000-000000000000'), 404, 'not_found');
    expectError(await c.member.get('/api/tickets/not-a-uuid'), 404, 'not_found');
    expectError(await c.member.post('/api/tickets/not-a-uuid/accept'), 404, 'not_found');
    expectError(await c.adminApi.patch('/api/users/not-a-uuid', { active: false }), 404, 'not_found');
    expectError(await c.member.get('/api/nothing-here'), 404, 'not_found');
    expectError(await c.member.get(`/api/tickets/${ticket.id}/messages?after=-1`), 400, 'bad_request');
  });

  it('admin inputs: duplicate emails, short passwords, bad origins', async () => {
    expectError(await c.adminApi.post('/api/users', { email: 'not-an-email', name: 'x', password: 'long-enough-1', role: 'member' }), 400, 'bad_request');
    expectError(await c.adminApi.post('/api/users', { email: 'a@b.test', name: 'x', password: 'short', role: 'member' }), 400, 'bad_request');
    expectError(await c.adminApi.post('/api/users', { email: 'a@b.test', name: 'x', password: 'long-enough-1', role: 'owner' }), 400, 'bad_request');
    expect((await c.adminApi.post('/api/users', { email: 'dup@b.test', name: 'x', password: 'long-enough-1', role: 'member' })).status).toBe(201);
    expectError(await c.adminApi.post('/api/users', { email: 'DUP@b.test', name: 'y', password: 'long-enough-1', role: 'member' }), 409, 'conflict');
    expectError(await c.adminApi.post('/api/sites', { name: 'x', origins: ['https://ok.test/path'] }), 400, 'bad_request');
    expectError(await c.adminApi.post('/api/sites', { name: 'x', origins: 'https://ok.test' }), 400, 'bad_request');
  });
});

describe('bad socket frames get an error frame and change nothing', () => {
  it('answers invalid JSON, unknown types, missing fields and binary frames, and stays open', async () => {
    const ws = await TestSocket.visitor(server.url, c.customer);
    sockets.push(ws);
    ws.send('{not json');
    expect(await ws.next((f) => f.type === 'error')).toMatchObject({ code: 'bad_request', message: 'frame is not valid JSON' });
    const unknown = await ws.request({ type: 'delete_everything' });
    expect(unknown).toMatchObject({ type: 'error', code: 'bad_request' });
    expect(await ws.request({ type: 'message', ticketId: ticket.id, body: 'no client id' })).toMatchObject({ type: 'error', code: 'bad_request' });
    expect(await ws.request({ type: 'message', ticketId: ticket.id, clientId: 'x', body: '' })).toMatchObject({ type: 'error', code: 'bad_request' });
    expect(await ws.request({ type: 'message', ticketId: ticket.id, clientId: 'x', body: 'x'.repeat(LIMITS.messageBody + 1) })).toMatchObject({ type: 'error', code: 'too_large' });
    expect(await ws.request({ type: 'join', ticketId: 'nope' })).toMatchObject({ type: 'error', code: 'not_found' });
    expect(await ws.request({ type: 'join', ticketId: ticket.id, after: -4 })).toMatchObject({ type: 'error', code: 'bad_request' });
    expect(await ws.request({ type: 'auth', token: 'again' })).toMatchObject({ type: 'error', code: 'bad_request' });
    ws.ws.send(Buffer.from([1, 2, 3]), { binary: true });
    expect(await ws.next((f) => f.type === 'error' && f.message === 'frames must be JSON text')).toBeTruthy();
    expect(await ws.request({ type: 'ping' })).toMatchObject({ type: 'pong' });
    expect((await c.customer.get(`/api/tickets/${ticket.id}/messages`)).body.messages).toHaveLength(0);
  });

  it('closes a socket that sends a frame over the size limit, losing nothing stored', async () => {
    const ws = await TestSocket.visitor(server.url, c.customer);
    ws.send(JSON.stringify({ type: 'message', ticketId: ticket.id, clientId: 'huge', body: 'x'.repeat(LIMITS.maxFrameBytes + 10) }));
    const closed = await ws.closed;
    expect(closed.code).toBe(1009); // message too big
    expect((await c.customer.get(`/api/tickets/${ticket.id}/messages`)).body.messages).toHaveLength(0);
  });

  it('sends nothing to a socket before it authenticates, and refuses bad tokens', async () => {
    const ws = await TestSocket.open(server.url, { origin: c.origin });
    sockets.push(ws);
    expect(await ws.request({ type: 'join', ticketId: ticket.id })).toMatchObject({ type: 'error', code: 'unauthorized' });
    await newTicket(c.customer, 'should not be seen by the unauthenticated socket');
    expect(await ws.quiet((f) => f.type !== 'error')).toEqual([]);
    ws.send({ type: 'auth', token: 'forged-token' });
    expect(await ws.next((f) => f.type === 'error' && f.code === 'unauthorized')).toBeTruthy();
    expect((await ws.closed).code).toBe(4003);
  });
});

describe('origins and CSRF', () => {
  it('refuses socket upgrades from unknown origins and without a session', async () => {
    await expect(TestSocket.open(server.url, { origin: 'http://evil.test' })).rejects.toThrow(/403/);
    await expect(TestSocket.open(server.url, { origin: server.url })).rejects.toThrow(/401/);
  });

  it("refuses a visitor session for an origin the site doesn't allow", async () => {
    const r = await new ApiClient(server.url, { origin: 'http://evil.test' }).post('/api/visitor', { siteKey: c.site.key });
    expectError(r, 403, 'forbidden');
    expectError(await new ApiClient(server.url, { origin: c.origin }).post('/api/visitor', { siteKey: 'site_unknown' }), 404, 'not_found');
  });

  it('ignores the session cookie on cross-origin requests', async () => {
    const evil = new ApiClient(server.url, { origin: 'http://evil.test' });
    evil.cookie = c.adminApi.cookie;
    expectError(await evil.post('/api/users', { email: 'evil@x.test', name: 'e', password: 'long-enough-1', role: 'admin' }), 401, 'unauthorized');
    expect((await c.adminApi.get('/api/users')).body.users.some((u: { email: string }) => u.email === 'evil@x.test')).toBe(false);
  });

  it('answers CORS preflights only for allowed origins', async () => {
    const ok = await fetch(`${server.url}/api/tickets`, { method: 'OPTIONS', headers: { origin: c.origin, 'access-control-request-method': 'POST' } });
    expect(ok.headers.get('access-control-allow-origin')).toBe(c.origin);
    const evil = await fetch(`${server.url}/api/tickets`, { method: 'OPTIONS', headers: { origin: 'http://evil.test', 'access-control-request-method': 'POST' } });
    expect(evil.headers.get('access-control-allow-origin')).toBeNull();
  });
});
