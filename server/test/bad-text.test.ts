import { describe, expect, it } from 'vitest';
import { ApiClient, newTicket, TestSocket } from '../testing/api.ts';
import { useAssignedTicket } from '../testing/fixture.ts';

// U+0000 cannot be stored in PostgreSQL text, and a lone surrogate has no UTF-8 form: both used to
// reach the database and fail there (500 / socket `internal`). The edge refuses them, naming the field.
const f = useAssignedTicket();
const POISON = ['nul\u0000byte', 'lone \uD83D high', 'lone \uDE00 low'];

async function expectRefused(call: Promise<{ status: number; body: any }>, field: string) {
  const r = await call;
  expect(r.status, `${field}: ${JSON.stringify(r.body)}`).toBe(400);
  expect(r.body.error.code).toBe('bad_request');
  expect(r.body.error.message).toMatch(new RegExp(`^${field.replace('.', '\\.')} contains a character that cannot be stored`));
}

describe('unstorable characters get a 400 naming the field, over HTTP', () => {
  it('in every customer field', async () => {
    const { customer, site, origin } = f.c;
    for (const bad of POISON) {
      await expectRefused(customer.post('/api/tickets', { category: 'Billing', urgency: 'low', description: bad }), 'description');
      await expectRefused(customer.post('/api/tickets', { category: bad, urgency: 'low', description: 'x' }), 'category');
      await expectRefused(customer.post('/api/tickets', { category: 'Billing', urgency: 'low', description: 'x', clientId: bad }), 'clientId');
      await expectRefused(customer.post(`/api/tickets/${f.ticket.id}/messages`, { clientId: 'c1', body: bad }), 'body');
      await expectRefused(customer.post(`/api/tickets/${f.ticket.id}/messages`, { clientId: bad, body: 'hello' }), 'clientId');
      const anon = new ApiClient(f.server.url, { origin });
      await expectRefused(anon.post('/api/visitor', { siteKey: bad }), 'siteKey');
      await expectRefused(anon.post('/api/visitor', { siteKey: site.key, visitorToken: bad }), 'visitorToken');
      for (const field of ['id', 'name', 'email', 'hash']) {
        const identity = { id: 'u1', name: 'Lena', email: 'lena@example.test', hash: 'ab', [field]: bad };
        await expectRefused(anon.post('/api/visitor', { siteKey: site.key, identity }), `identity.${field}`);
      }
    }
    expect((await customer.get('/api/tickets')).body.tickets).toHaveLength(1);
    expect((await customer.get(`/api/tickets/${f.ticket.id}/messages`)).body.messages).toHaveLength(0);
  });

  it('in every staff and admin field', async () => {
    const { adminApi, member } = f.c;
    const open = (await newTicket(f.c.customer, 'to reject')).body;
    for (const bad of POISON) {
      await expectRefused(new ApiClient(f.server.url).post('/api/auth/login', { email: bad, password: 'whatever-123' }), 'email');
      await expectRefused(new ApiClient(f.server.url).post('/api/auth/login', { email: 'a@b.test', password: bad }), 'password');
      await expectRefused(member.post(`/api/tickets/${open.id}/reject`, { reason: bad }), 'reason');
      await expectRefused(member.post(`/api/tickets/${f.ticket.id}/messages`, { clientId: 'm', body: bad }), 'body');
      await expectRefused(adminApi.post('/api/users', { email: 'new@x.test', name: bad, password: 'long-enough-1', role: 'member' }), 'name');
      await expectRefused(adminApi.post('/api/users', { email: `n${bad}@x.test`, name: 'N', password: 'long-enough-1', role: 'member' }), 'email');
      await expectRefused(adminApi.post('/api/users', { email: 'new@x.test', name: 'N', password: `long-enough-${bad}`, role: 'member' }), 'password');
      await expectRefused(adminApi.patch(`/api/users/${f.c.memberUser.id}`, { name: bad }), 'name');
      await expectRefused(adminApi.post('/api/sites', { name: bad, origins: ['https://ok.test'] }), 'name');
      await expectRefused(adminApi.post('/api/sites', { name: 'S', origins: [`https://ok.test${bad}`] }), 'origins.0');
      await expectRefused(adminApi.post('/api/sites', { name: 'S', origins: ['https://ok.test'], categories: ['A', bad] }), 'categories.1');
      await expectRefused(adminApi.patch(`/api/sites/${f.c.site.id}`, { name: bad }), 'name');
      await expectRefused(adminApi.post('/api/tokens', { name: bad, scopes: ['tickets:read'] }), 'name');
    }
    expect((await member.get(`/api/tickets/${open.id}`)).body.status).toBe('open');
    expect((await adminApi.get('/api/users')).body.users.map((u: { email: string }) => u.email)).not.toContain('new@x.test');
  });
});

describe('unstorable characters get `bad_request` naming the field, over the socket', () => {
  it('in message bodies and client ids, and the socket keeps working', async () => {
    const ws = await TestSocket.visitor(f.server.url, f.c.customer);
    f.sockets.push(ws);
    for (const bad of POISON) {
      expect(await ws.request({ type: 'message', ticketId: f.ticket.id, clientId: 'c', body: bad }))
        .toMatchObject({ type: 'error', code: 'bad_request', message: expect.stringMatching(/^body contains a character/) });
      expect(await ws.request({ type: 'message', ticketId: f.ticket.id, clientId: bad, body: 'hi' }))
        .toMatchObject({ type: 'error', code: 'bad_request', message: expect.stringMatching(/^clientId contains a character/) });
      expect(await ws.request({ type: 'join', ticketId: bad })).toMatchObject({ type: 'error', code: 'bad_request', message: expect.stringMatching(/^ticketId /) });
    }
    const ok = await ws.request({ type: 'message', ticketId: f.ticket.id, clientId: 'fine', body: 'still here 😀' });
    expect(ok).toMatchObject({ type: 'ack', message: { body: 'still here 😀', seq: 1 } });

    const fresh = await TestSocket.open(f.server.url, { origin: f.c.origin });
    f.sockets.push(fresh);
    expect(await fresh.request({ type: 'auth', token: 'tok\u0000en' })).toMatchObject({ type: 'error', code: 'bad_request', message: expect.stringMatching(/^token /) });
  });
});
