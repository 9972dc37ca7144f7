import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCOPES, type Message, type NewApiToken, type Scope, type Ticket } from '../../protocol/index.ts';
import { ApiClient, cast, newTicket } from '../testing/api.ts';
import { startTestServer, type TestServer } from '../testing/test-server.ts';

let server: TestServer;
let c: Awaited<ReturnType<typeof cast>>;
let open: Ticket;
let assigned: Ticket;

/** A client that calls with `Authorization: Bearer <API token>` from no browser (no Origin). */
function tokenClient(token: string): ApiClient {
  const api = new ApiClient(server.url, { origin: '' });
  api.origin = undefined;
  api.token = token;
  return api;
}
const makeToken = async (scopes: Scope[], name = `t-${scopes.join('+') || 'none'}`) =>
  (await c.adminApi.post<NewApiToken>('/api/tokens', { name, scopes })).body;

beforeAll(async () => {
  server = await startTestServer();
  c = await cast(server.url, server.admin);
  open = (await newTicket(c.customer, 'open one')).body;
  assigned = (await newTicket(c.customer, 'assigned one')).body;
  await c.member.post(`/api/tickets/${assigned.id}/accept`);
  await c.member.post(`/api/tickets/${assigned.id}/messages`, { clientId: 'm1', body: 'hello from Mia' });
});
afterAll(async () => {
  await server?.close();
});

describe('API tokens', () => {
  it('shows the token once and stores only its hash', async () => {
    const created = await c.adminApi.post<NewApiToken>('/api/tokens', { name: 'CRM', scopes: ['tickets:read'] });
    expect(created.status).toBe(201);
    expect(created.body.token).toMatch(/^parley_pat_[A-Za-z0-9_-]{43}$/);
    expect(created.body).toMatchObject({ name: 'CRM', scopes: ['tickets:read'], lastUsedAt: null });
    const listed = (await c.adminApi.get('/api/tokens')).body.tokens;
    const row = listed.find((t: { id: string }) => t.id === created.body.id);
    expect(row).toMatchObject({ name: 'CRM', hint: created.body.token.slice(0, 15) });
    expect(JSON.stringify(listed)).not.toContain(created.body.token);
    const stored = await server.services.db.sql<{ hash: string }>('select hash from api_tokens where id = ?', [created.body.id]);
    expect(stored[0]!.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored[0]!.hash).not.toContain(created.body.token.slice(11));
  });

  it('refuses bad names and scopes with a clear 400', async () => {
    for (const body of [{ name: 'x', scopes: ['tickets:delete'] }, { name: 'x', scopes: [] }, { name: '', scopes: ['tickets:read'] }, { name: 'x' }, { name: 'x', scopes: 'tickets:read' }]) {
      const r = await c.adminApi.post('/api/tokens', body);
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(r.body.error.code).toBe('bad_request');
    }
  });

  it('lets only admins manage tokens (members, customers and tokens themselves are refused)', async () => {
    const all = await makeToken([...SCOPES]);
    for (const api of [c.member, c.customer, tokenClient(all.token)]) {
      expect((await api.get('/api/tokens')).status).toBe(403);
      expect((await api.post('/api/tokens', { name: 'x', scopes: ['tickets:read'] })).status).toBe(403);
      expect((await api.call('DELETE', `/api/tokens/${all.id}`)).status).toBe(403);
    }
    expect((await new ApiClient(server.url).get('/api/tokens')).status).toBe(401);
  });

  it('reads every ticket of the instance with tickets:read, and records when it was last used', async () => {
    const t = await makeToken(['tickets:read'], 'Reader');
    const r = await tokenClient(t.token).get<{ tickets: Ticket[] }>('/api/tickets');
    expect(r.status).toBe(200);
    expect(r.body.tickets.map((x) => x.id).sort()).toEqual([open.id, assigned.id].sort());
    expect((await tokenClient(t.token).get(`/api/tickets/${assigned.id}`)).body.id).toBe(assigned.id);
    await new Promise((ok) => setTimeout(ok, 100));
    const listed = (await c.adminApi.get('/api/tokens')).body.tokens.find((x: { id: string }) => x.id === t.id);
    expect(listed.lastUsedAt).not.toBeNull();
  });

  it('writes messages shown as the token (author kind integration, its name)', async () => {
    const t = await makeToken(['messages:write', 'messages:read'], 'Billing bot');
    const api = tokenClient(t.token);
    const sent = await api.post<Message>(`/api/tickets/${assigned.id}/messages`, { clientId: 'bot-1', body: 'Your refund is on its way' });
    expect(sent.status).toBe(201);
    expect(sent.body.author).toEqual({ kind: 'integration', id: t.id, name: 'Billing bot' });
    expect((await api.post(`/api/tickets/${assigned.id}/messages`, { clientId: 'bot-1', body: 'Your refund is on its way' })).status).toBe(200);
    const page = (await c.customer.get(`/api/tickets/${assigned.id}/messages`)).body.messages as Message[];
    expect(page.at(-1)).toMatchObject({ body: 'Your refund is on its way', author: { kind: 'integration', name: 'Billing bot' } });
    // Chat rules still hold: not on an open ticket.
    expect((await api.post(`/api/tickets/${open.id}/messages`, { clientId: 'bot-2', body: 'hi' })).body.error.code).toBe('invalid_state');
  });

  it('closes and rejects with tickets:write, but never accepts (a member must be the assignee)', async () => {
    const t = await makeToken(['tickets:write', 'tickets:read'], 'Closer');
    const api = tokenClient(t.token);
    const extra = (await newTicket(c.customer, 'to reject')).body;
    expect((await api.post(`/api/tickets/${extra.id}/accept`)).status).toBe(403);
    const rejected = await api.post<Ticket>(`/api/tickets/${extra.id}/reject`, { reason: 'spam' });
    expect(rejected.body).toMatchObject({ status: 'rejected', rejectReason: 'spam' });
    const events = (await api.get(`/api/tickets/${extra.id}/events`)).body.events;
    expect(events.at(-1).actor).toMatchObject({ kind: 'integration', id: t.id, name: 'Closer' });
  });

  it('stops working the moment it is revoked', async () => {
    const t = await makeToken(['tickets:read']);
    expect((await tokenClient(t.token).get('/api/tickets')).status).toBe(200);
    expect((await c.adminApi.call('DELETE', `/api/tokens/${t.id}`)).status).toBe(204);
    const r = await tokenClient(t.token).get('/api/tickets');
    expect(r.status).toBe(401);
    expect(r.body.error.code).toBe('unauthorized');
    expect((await c.adminApi.call('DELETE', `/api/tokens/${t.id}`)).status).toBe(404);
    expect((await c.adminApi.call('DELETE', '/api/tokens/not-a-uuid')).status).toBe(404);
  });

  it('tells tokens and visitor tokens apart: a mistyped API token is not tried as a visitor token, and visitors still work', async () => {
    expect((await tokenClient('parley_pat_' + 'x'.repeat(43)).get('/api/tickets')).status).toBe(401);
    expect((await tokenClient(c.customer.token).get('/api/tickets')).status).toBe(200);
    // A visitor token with the prefix glued on is not an API token.
    expect((await tokenClient('parley_pat_' + c.customer.token).get('/api/tickets')).status).toBe(401);
  });
});

/** Each endpoint, the scope it needs (null: no scope opens it), and a request that succeeds for an admin. */
const MATRIX: { method: string; path: () => string; scope: Scope | null; body?: unknown; ok: number[] }[] = [
  { method: 'GET', path: () => '/api/tickets', scope: 'tickets:read', ok: [200] },
  { method: 'GET', path: () => `/api/tickets/${open.id}`, scope: 'tickets:read', ok: [200] },
  { method: 'GET', path: () => `/api/tickets/${open.id}/events`, scope: 'tickets:read', ok: [200] },
  { method: 'GET', path: () => `/api/tickets/${open.id}/rating`, scope: 'tickets:read', ok: [200] },
  { method: 'POST', path: () => `/api/tickets/${open.id}/rating`, scope: null, body: { score: 5 }, ok: [] },
  { method: 'POST', path: () => `/api/tickets/${open.id}/reject`, scope: 'tickets:write', body: {}, ok: [200, 409] },
  { method: 'POST', path: () => `/api/tickets/${open.id}/close`, scope: 'tickets:write', ok: [409] },
  { method: 'GET', path: () => `/api/tickets/${assigned.id}/messages`, scope: 'messages:read', ok: [200] },
  { method: 'POST', path: () => `/api/tickets/${assigned.id}/messages`, scope: 'messages:write', body: { clientId: `mx-${Math.random()}`, body: 'matrix' }, ok: [201] },
  { method: 'GET', path: () => '/api/users', scope: 'users:read', ok: [200] },
  { method: 'GET', path: () => `/api/customers/${c.customer.session.customer.id}`, scope: 'customers:read', ok: [200] },
  { method: 'GET', path: () => '/api/canned-responses', scope: null, ok: [] },
  { method: 'GET', path: () => '/api/teams', scope: null, ok: [] },
  { method: 'POST', path: () => `/api/tickets/${open.id}/accept`, scope: null, ok: [] },
  { method: 'POST', path: () => '/api/tickets', scope: null, body: { category: 'Billing', urgency: 'low', description: 'x' }, ok: [] },
  { method: 'POST', path: () => `/api/tickets/${assigned.id}/read`, scope: null, body: { seq: 1 }, ok: [] },
  { method: 'GET', path: () => '/api/chats', scope: null, ok: [] },
  { method: 'POST', path: () => '/api/users', scope: null, body: { email: 'x@example.test', name: 'X', password: 'password-123456', role: 'admin' }, ok: [] },
  { method: 'PATCH', path: () => `/api/users/${c.memberUser.id}`, scope: null, body: { role: 'admin' }, ok: [] },
  { method: 'GET', path: () => '/api/sites', scope: null, ok: [] },
  { method: 'POST', path: () => '/api/sites', scope: null, body: { name: 'evil', origins: ['http://evil.test'] }, ok: [] },
  { method: 'PATCH', path: () => `/api/sites/${c.site.id}`, scope: null, body: { origins: ['http://evil.test'] }, ok: [] },
  { method: 'POST', path: () => `/api/sites/${c.site.id}/rotate-secret`, scope: null, ok: [] },
  { method: 'GET', path: () => '/api/stats', scope: null, ok: [] },
  { method: 'GET', path: () => '/api/auth/me', scope: null, ok: [] },
  { method: 'GET', path: () => '/api/tokens', scope: null, ok: [] },
  { method: 'POST', path: () => '/api/tokens', scope: null, body: { name: 'x', scopes: ['tickets:read'] }, ok: [] },
  { method: 'GET', path: () => '/api/webhooks', scope: null, ok: [] },
  { method: 'POST', path: () => '/api/webhooks', scope: null, body: { url: 'https://example.com/hook', events: ['ticket.created'] }, ok: [] },
  { method: 'GET', path: () => '/api/site', scope: null, ok: [] },
];

describe('scopes x endpoints', () => {
  it('allows each endpoint exactly to the tokens holding its scope', async () => {
    const tokens = new Map<string, string>();
    for (const scope of SCOPES) tokens.set(scope, (await makeToken([scope])).token);
    const failures: string[] = [];
    for (const scope of SCOPES) {
      const api = tokenClient(tokens.get(scope)!);
      for (const row of MATRIX) {
        const r = await api.call(row.method, row.path(), row.body);
        const allowed = row.scope === scope;
        const got = r.status === 403 ? 'refused' : 'allowed';
        if (allowed && !row.ok.includes(r.status)) failures.push(`${scope} ${row.method} ${row.path()}: expected one of ${row.ok}, got ${r.status} ${JSON.stringify(r.body)}`);
        if (!allowed && got !== 'refused') failures.push(`${scope} ${row.method} ${row.path()}: expected 403, got ${r.status}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('refuses every endpoint but the public ones to a token that holds all scopes when no scope names it', async () => {
    const api = tokenClient((await makeToken([...SCOPES], 'all')).token);
    for (const row of MATRIX.filter((r) => r.scope === null)) {
      const r = await api.call(row.method, row.path(), row.body);
      expect(r.status, `${row.method} ${row.path()}`).toBe(403);
      expect(r.body.error.code).toBe('forbidden');
    }
    // The member was not promoted, no site was added.
    expect((await c.adminApi.get('/api/sites')).body.sites.length).toBe(1);
  });
});
