import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, cast } from '../testing/api.ts';
import { startTestServer, type TestServer } from '../testing/test-server.ts';
import { EDGE_LIMITS } from '../../protocol/schemas/limits.ts';

let server: TestServer;
let c: Awaited<ReturnType<typeof cast>>;
// A short request timeout, so the trickle test does not wait the default 30 s.
beforeAll(async () => {
  server = await startTestServer({ config: { requestTimeoutMs: 1500 } });
  c = await cast(server.url, server.admin);
});
afterAll(async () => server?.close());

/** Writes `head` on a raw socket, then one byte every 200 ms while the socket stays open; resolves with what came back. */
function raw(head: string, trickle = false): Promise<{ text: string; ms: number }> {
  return new Promise((resolve) => {
    const socket = connect(server.port, '127.0.0.1');
    const started = performance.now();
    let text = '';
    let timer: NodeJS.Timeout | undefined;
    socket.on('data', (d) => (text += d.toString()));
    socket.on('error', () => {});
    socket.on('close', () => {
      clearInterval(timer);
      resolve({ text, ms: performance.now() - started });
    });
    socket.write(head);
    if (trickle) timer = setInterval(() => socket.writable && socket.write('1'), 200);
  });
}

describe('response headers', () => {
  it('nosniff and Referrer-Policy everywhere; no-store on API answers; the console keeps its CSP', async () => {
    const ticket = await fetch(`${server.url}/api/tickets`, { headers: { authorization: `Bearer ${c.customer.token}`, origin: c.origin } });
    const me = await fetch(`${server.url}/api/auth/me`, { headers: { cookie: c.member.cookie } });
    const notFound = await fetch(`${server.url}/api/nothing`);
    const widget = await fetch(`${server.url}/widget.js`);
    const consolePage = await fetch(`${server.url}/console`);
    for (const r of [ticket, me, notFound, widget, consolePage]) {
      expect(r.headers.get('x-content-type-options')).toBe('nosniff');
      expect(r.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
      expect(r.headers.get('x-request-id')).toMatch(/^[\w-]{8,}$/);
    }
    expect([ticket.status, me.status]).toEqual([200, 200]);
    for (const r of [ticket, me, notFound]) expect(r.headers.get('cache-control')).toBe('no-store');
    expect(consolePage.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
  });

  it('keeps a plain request id the caller sent, and replaces anything else', async () => {
    expect((await fetch(`${server.url}/healthz`, { headers: { 'x-request-id': 'trace-42' } })).headers.get('x-request-id')).toBe('trace-42');
    expect((await fetch(`${server.url}/healthz`, { headers: { 'x-request-id': 'bad id\twith tab' } })).headers.get('x-request-id')).not.toContain(' ');
  });
});

describe('methods, routes and URL sizes', () => {
  it('answers 405 with Allow and the JSON body for an unsupported method on a known route', async () => {
    for (const [method, path, allowed] of [['DELETE', '/api/tickets', 'POST'], ['PUT', '/api/auth/login', 'POST'], ['PATCH', '/api/tickets', 'GET']] as const) {
      const r = await fetch(server.url + path, { method, headers: { origin: server.url } });
      expect(r.status, `${method} ${path}`).toBe(405);
      expect(r.headers.get('allow')).toContain(allowed);
      expect((await r.json()).error).toMatchObject({ code: 'bad_request', message: expect.stringContaining(method) });
    }
  });

  it('answers 404 with the JSON body for unknown routes', async () => {
    const r = await fetch(`${server.url}/api/no/such/thing`, { method: 'POST', headers: { origin: server.url } });
    expect(r.status).toBe(404);
    expect((await r.json()).error.code).toBe('not_found');
  });

  it('answers 414 to a 100 KB URL and 431 to oversized headers, instead of resetting the connection', async () => {
    const long = await raw(`GET /api/tickets?q=${'a'.repeat(100_000)} HTTP/1.1\r\nHost: localhost\r\n\r\n`);
    expect(long.text).toMatch(/^HTTP\/1\.1 414 /);
    expect(JSON.parse(long.text.slice(long.text.indexOf('\r\n\r\n') + 4)).error.code).toBe('too_large');
    expect(long.text).toMatch(/x-content-type-options: nosniff/i);
    const headers = await raw(`GET /api/tickets HTTP/1.1\r\nHost: localhost\r\nX-Big: ${'b'.repeat(30_000)}\r\n\r\n`);
    expect(headers.text).toMatch(/^HTTP\/1\.1 431 /);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });
});

describe('slow requests', () => {
  it('ends a request whose body trickles in, and one whose headers never end, with 408', async () => {
    const body = await raw(`POST /api/visitor HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 5000\r\n\r\n{"siteKey":"`, true);
    expect(body.text).toMatch(/^HTTP\/1\.1 408 /);
    expect(body.ms).toBeLessThan(15_000);
    const head = await raw('GET /healthz HTTP/1.1\r\nHost: localhost\r\nX-Slow: ', true);
    expect(head.text).toMatch(/^HTTP\/1\.1 408 /);
    expect(head.ms).toBeLessThan(15_000);
  });

  it('lets a request that arrives within the timeout through', async () => {
    const ok = await fetch(`${server.url}/api/visitor`, { method: 'POST', headers: { origin: c.origin, 'content-type': 'application/json' }, body: JSON.stringify({ siteKey: c.site.key }) });
    expect(ok.status).toBe(200);
  });
});

describe('history paging bounds', () => {
  it('caps limit at the documented page size and refuses out-of-range seqs with 400', async () => {
    const ticket = (await c.customer.post('/api/tickets', { category: 'Billing', urgency: 'low', description: 'paging' })).body;
    await c.member.post(`/api/tickets/${ticket.id}/accept`);
    for (let i = 0; i < 3; i++) await c.customer.post(`/api/tickets/${ticket.id}/messages`, { clientId: `p${i}`, body: `m${i}` });
    const base = `/api/tickets/${ticket.id}/messages`;
    const capped = await c.customer.get(`${base}?limit=1000000000`);
    expect(capped.status).toBe(200);
    expect(capped.body.messages).toHaveLength(3);
    expect((await c.customer.get(`${base}?limit=2`)).body).toMatchObject({ hasMore: true, messages: [{ seq: 1 }, { seq: 2 }] });
    for (const q of ['after=2147483648', 'before=2147483648', 'after=99999999999999999999', 'after=-1', 'after=1.5', 'after=abc', 'limit=-3', 'before=0x10']) {
      const r = await c.customer.get(`${base}?${q}`);
      expect(r.status, q).toBe(400);
      expect(r.body.error.code).toBe('bad_request');
      expect(r.body.error.message).toMatch(/^(after|before|limit) must be/);
    }
    expect((await c.customer.get(`${base}?after=${EDGE_LIMITS.maxSeq}`)).body.messages).toEqual([]);
    expect((await c.customer.get(`${base}?before=${EDGE_LIMITS.maxSeq}&limit=1`)).body.messages.map((m: { seq: number }) => m.seq)).toEqual([3]);
    for (const q of ['limit=abc', 'status=nope']) expect((await c.member.get(`/api/tickets?${q}`)).status, q).toBe(400);
    expect((await c.adminApi.get('/api/chats?limit=999999')).status).toBe(200);
  });
});

describe('logout obeys the cookie-write rule', () => {
  it('refuses a foreign-origin or non-JSON logout and keeps the cookie and session', async () => {
    const staff = await ApiClient.staff(server.url, server.admin.email, server.admin.password);
    const foreign = await fetch(`${server.url}/api/auth/logout`, { method: 'POST', headers: { origin: 'http://evil.test', cookie: staff.cookie, 'content-type': 'text/plain' }, body: 'x' });
    expect(foreign.status).toBe(400);
    expect(foreign.headers.getSetCookie()).toEqual([]);
    const foreignEmpty = await fetch(`${server.url}/api/auth/logout`, { method: 'POST', headers: { origin: 'http://evil.test', cookie: staff.cookie } });
    expect(foreignEmpty.status).toBe(403);
    expect(foreignEmpty.headers.getSetCookie()).toEqual([]);
    const plain = await fetch(`${server.url}/api/auth/logout`, { method: 'POST', headers: { origin: server.url, cookie: staff.cookie, 'content-type': 'text/plain' } });
    expect(plain.status).toBe(400);
    expect((await staff.get('/api/auth/me')).status).toBe(200);
    expect((await staff.post('/api/auth/logout')).status).toBe(204);
    expect((await staff.get('/api/auth/me')).status).toBe(401);
  });
});
