import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../protocol/index.ts';
import { ApiClient, newTicket, TestSocket } from '../testing/api.ts';
import { useAssignedTicket } from '../testing/fixture.ts';

const f = useAssignedTicket();

const expectError = (reply: { status: number; body: any }, status: number, code: string) => {
  expect(reply.status).toBe(status);
  expect(reply.body.error.code).toBe(code);
  expect(typeof reply.body.error.message).toBe('string');
};

describe('bad HTTP bodies get a 4xx naming the problem, and change nothing', () => {
  it('malformed JSON, wrong content type, non-object bodies', async () => {
    expectError(await f.c.customer.call('POST', '/api/tickets', '{"category": "Billing",'), 400, 'bad_request');
    expectError(await f.c.customer.call('POST', '/api/tickets', 'category=Billing', { 'content-type': 'application/x-www-form-urlencoded' }), 400, 'bad_request');
    expectError(await f.c.customer.call('POST', '/api/tickets', '[1,2]'), 400, 'bad_request');
    expect((await f.c.customer.get('/api/tickets')).body.tickets).toHaveLength(1);
  });

  it('missing, wrong and oversized fields', async () => {
    const r1 = await f.c.customer.post('/api/tickets', { urgency: 'high', description: 'x' });
    expectError(r1, 400, 'bad_request');
    expect(r1.body.error.message).toContain('category');
    const r2 = await f.c.customer.post('/api/tickets', { category: 'Billing', urgency: 'whenever', description: 'x' });
    expect(r2.body.error.message).toContain('urgency');
    expectError(await f.c.customer.post('/api/tickets', { category: 'Nope', urgency: 'low', description: 'x' }), 400, 'bad_request');
    expectError(await f.c.customer.post('/api/tickets', { category: 'Billing', urgency: 'low', description: 'x'.repeat(LIMITS.description + 1) }), 413, 'too_large');
    expectError(await f.c.customer.post('/api/tickets', { category: 'Billing', urgency: 'low', description: '   ' }), 400, 'bad_request');
    expectError(await f.c.customer.post(`/api/tickets/${f.ticket.id}/messages`, { clientId: 'big', body: 'y'.repeat(LIMITS.messageBody + 1) }), 413, 'too_large');
    expectError(await f.c.customer.call('POST', '/api/tickets', JSON.stringify({ description: 'z'.repeat(70_000) })), 413, 'too_large');
    expect((await f.c.customer.get('/api/tickets')).body.tickets).toHaveLength(1);
  });

  it('unknown ids and routes', async () => {
    expectError(await f.c.member.get('/api/tickets/00000000-0000-0000-0000-000000000000'), 404, 'not_found');
    expectError(await f.c.member.get('/api/tickets/not-a-uuid'), 404, 'not_found');
    expectError(await f.c.member.post('/api/tickets/not-a-uuid/accept'), 404, 'not_found');
    expectError(await f.c.adminApi.patch('/api/users/not-a-uuid', { active: false }), 404, 'not_found');
    expectError(await f.c.member.get('/api/nothing-here'), 404, 'not_found');
    expectError(await f.c.member.get(`/api/tickets/${f.ticket.id}/messages?after=-1`), 400, 'bad_request');
  });

  it('admin inputs: duplicate emails, short passwords, bad origins', async () => {
    expectError(await f.c.adminApi.post('/api/users', { email: 'not-an-email', name: 'x', password: 'long-enough-1', role: 'member' }), 400, 'bad_request');
    expectError(await f.c.adminApi.post('/api/users', { email: 'a@b.test', name: 'x', password: 'short', role: 'member' }), 400, 'bad_request');
    expectError(await f.c.adminApi.post('/api/users', { email: 'a@b.test', name: 'x', password: 'long-enough-1', role: 'owner' }), 400, 'bad_request');
    expect((await f.c.adminApi.post('/api/users', { email: 'dup@b.test', name: 'x', password: 'long-enough-1', role: 'member' })).status).toBe(201);
    expectError(await f.c.adminApi.post('/api/users', { email: 'DUP@b.test', name: 'y', password: 'long-enough-1', role: 'member' }), 409, 'conflict');
    // Created at the same time, past the service's existence check: the unique index decides, still a 409.
    const racing = await Promise.all([1, 2, 3, 4].map((i) => f.c.adminApi.post('/api/users', { email: 'race@b.test', name: `r${i}`, password: 'long-enough-1', role: 'member' })));
    expect(racing.map((r) => r.status).sort()).toEqual([201, 409, 409, 409]);
    expectError(await f.c.adminApi.post('/api/sites', { name: 'x', origins: ['https://ok.test/path'] }), 400, 'bad_request');
    expectError(await f.c.adminApi.post('/api/sites', { name: 'x', origins: 'https://ok.test' }), 400, 'bad_request');
  });
});

describe('bad socket frames get an error frame and change nothing', () => {
  it('answers invalid JSON, unknown types, missing fields and binary frames, and stays open', async () => {
    const ws = await TestSocket.visitor(f.server.url, f.c.customer);
    f.sockets.push(ws);
    ws.send('{not json');
    expect(await ws.next((f) => f.type === 'error')).toMatchObject({ code: 'bad_request', message: 'frame is not valid JSON' });
    const unknown = await ws.request({ type: 'delete_everything' });
    expect(unknown).toMatchObject({ type: 'error', code: 'bad_request' });
    expect(await ws.request({ type: 'message', ticketId: f.ticket.id, body: 'no client id' })).toMatchObject({ type: 'error', code: 'bad_request' });
    expect(await ws.request({ type: 'message', ticketId: f.ticket.id, clientId: 'x', body: '' })).toMatchObject({ type: 'error', code: 'bad_request' });
    expect(await ws.request({ type: 'message', ticketId: f.ticket.id, clientId: 'x', body: 'x'.repeat(LIMITS.messageBody + 1) })).toMatchObject({ type: 'error', code: 'too_large' });
    expect(await ws.request({ type: 'join', ticketId: 'nope' })).toMatchObject({ type: 'error', code: 'not_found' });
    expect(await ws.request({ type: 'join', ticketId: f.ticket.id, after: -4 })).toMatchObject({ type: 'error', code: 'bad_request' });
    expect(await ws.request({ type: 'auth', token: 'again' })).toMatchObject({ type: 'error', code: 'bad_request' });
    ws.ws.send(Buffer.from([1, 2, 3]), { binary: true });
    expect(await ws.next((f) => f.type === 'error' && f.message === 'frames must be JSON text')).toBeTruthy();
    expect(await ws.request({ type: 'ping' })).toMatchObject({ type: 'pong' });
    expect((await f.c.customer.get(`/api/tickets/${f.ticket.id}/messages`)).body.messages).toHaveLength(0);
  });

  it('closes a socket that sends a frame over the size limit, losing nothing stored', async () => {
    const ws = await TestSocket.visitor(f.server.url, f.c.customer);
    ws.send(JSON.stringify({ type: 'message', ticketId: f.ticket.id, clientId: 'huge', body: 'x'.repeat(LIMITS.maxFrameBytes + 10) }));
    const closed = await ws.closed;
    expect(closed.code).toBe(1009); // message too big
    expect((await f.c.customer.get(`/api/tickets/${f.ticket.id}/messages`)).body.messages).toHaveLength(0);
  });

  it('sends nothing to a socket before it authenticates, and refuses bad tokens', async () => {
    const ws = await TestSocket.open(f.server.url, { origin: f.c.origin });
    f.sockets.push(ws);
    expect(await ws.request({ type: 'join', ticketId: f.ticket.id })).toMatchObject({ type: 'error', code: 'unauthorized' });
    await newTicket(f.c.customer, 'should not be seen by the unauthenticated socket');
    expect(await ws.quiet((f) => f.type !== 'error')).toEqual([]);
    ws.send({ type: 'auth', token: 'forged-token' });
    expect(await ws.next((f) => f.type === 'error' && f.code === 'unauthorized')).toBeTruthy();
    expect((await ws.closed).code).toBe(4003);
  });
});

describe('origins and CSRF', () => {
  it('refuses socket upgrades from unknown origins and without a session', async () => {
    await expect(TestSocket.open(f.server.url, { origin: 'http://evil.test' })).rejects.toThrow(/403/);
    await expect(TestSocket.open(f.server.url, { origin: f.server.url })).rejects.toThrow(/401/);
  });

  it("refuses a visitor session for an origin the site doesn't allow", async () => {
    const r = await new ApiClient(f.server.url, { origin: 'http://evil.test' }).post('/api/visitor', { siteKey: f.c.site.key });
    expectError(r, 403, 'forbidden');
    expectError(await new ApiClient(f.server.url, { origin: f.c.origin }).post('/api/visitor', { siteKey: 'site_unknown' }), 404, 'not_found');
  });

  it('ignores the session cookie on cross-origin requests', async () => {
    const evil = new ApiClient(f.server.url, { origin: 'http://evil.test' });
    evil.cookie = f.c.adminApi.cookie;
    expectError(await evil.post('/api/users', { email: 'evil@x.test', name: 'e', password: 'long-enough-1', role: 'admin' }), 401, 'unauthorized');
    expect((await f.c.adminApi.get('/api/users')).body.users.some((u: { email: string }) => u.email === 'evil@x.test')).toBe(false);
  });

  it('answers CORS preflights only for allowed origins', async () => {
    const ok = await fetch(`${f.server.url}/api/tickets`, { method: 'OPTIONS', headers: { origin: f.c.origin, 'access-control-request-method': 'POST' } });
    expect(ok.headers.get('access-control-allow-origin')).toBe(f.c.origin);
    const evil = await fetch(`${f.server.url}/api/tickets`, { method: 'OPTIONS', headers: { origin: 'http://evil.test', 'access-control-request-method': 'POST' } });
    expect(evil.headers.get('access-control-allow-origin')).toBeNull();
  });
});
