// Canned responses over HTTP: who manages which, who sees which, and bad input.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CannedResponse, User } from '../../protocol/index.ts';
import { ApiClient, cast } from '../testing/api.ts';
import { startTestServer, type TestServer } from '../testing/test-server.ts';

let server: TestServer;
let c: Awaited<ReturnType<typeof cast>>;
let other: ApiClient;

beforeAll(async () => {
  server = await startTestServer();
  c = await cast(server.url, server.admin);
  await c.adminApi.post<User>('/api/users', { email: 'sam@example.test', name: 'Sam', password: 'member-password-2', role: 'member' });
  other = await ApiClient.staff(server.url, 'sam@example.test', 'member-password-2');
});
afterAll(async () => server?.close());

const list = async (api: ApiClient) => (await api.get<{ cannedResponses: CannedResponse[] }>('/api/canned-responses')).body.cannedResponses.map((r) => r.shortcut);
const reply = (shortcut: string, scope: 'team' | 'personal') => ({ shortcut, title: `Title ${shortcut}`, body: `Hi {{customer.name}},\n  ${shortcut}`, scope });

describe('canned responses', () => {
  it('lets admins manage team responses, and every member use them', async () => {
    const created = await c.adminApi.post<CannedResponse>('/api/canned-responses', reply('refund', 'team'));
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ shortcut: 'refund', scope: 'team', ownerId: null, body: 'Hi {{customer.name}},\n  refund' });
    expect(await list(c.member)).toContain('refund');
    expect(await list(other)).toContain('refund');
    const patched = await c.adminApi.patch<CannedResponse>(`/api/canned-responses/${created.body.id}`, { title: 'Refunds' });
    expect(patched.body).toMatchObject({ title: 'Refunds', shortcut: 'refund' });

    // A member may neither create nor change nor delete a team response.
    expect((await c.member.post('/api/canned-responses', reply('hello', 'team'))).status).toBe(403);
    expect((await c.member.patch(`/api/canned-responses/${created.body.id}`, { title: 'mine now' })).status).toBe(403);
    expect((await c.member.call('DELETE', `/api/canned-responses/${created.body.id}`)).status).toBe(403);
    expect((await c.adminApi.get<{ cannedResponses: CannedResponse[] }>('/api/canned-responses')).body.cannedResponses.find((r) => r.id === created.body.id)!.title).toBe('Refunds');
  });

  it('keeps personal responses to their owner: others neither see nor touch them (404)', async () => {
    const mine = (await c.member.post<CannedResponse>('/api/canned-responses', reply('sig', 'personal'))).body;
    expect(mine).toMatchObject({ scope: 'personal', ownerId: c.memberUser.id });
    expect(await list(c.member)).toContain('sig');
    expect(await list(other)).not.toContain('sig');
    expect(await list(c.adminApi)).not.toContain('sig');
    // The same shortcut is free for another member's personal list.
    expect((await other.post('/api/canned-responses', reply('sig', 'personal'))).status).toBe(201);
    for (const api of [other, c.adminApi]) {
      expect((await api.patch(`/api/canned-responses/${mine.id}`, { title: 'x' })).status).toBe(404);
      expect((await api.call('DELETE', `/api/canned-responses/${mine.id}`)).status).toBe(404);
    }
    expect((await c.member.patch<CannedResponse>(`/api/canned-responses/${mine.id}`, { body: 'Best, Mia' })).body.body).toBe('Best, Mia');
    expect((await c.member.call('DELETE', `/api/canned-responses/${mine.id}`)).status).toBe(204);
    expect(await list(c.member)).not.toContain('sig');
  });

  it('never answers customers or anonymous callers', async () => {
    expect((await c.customer.get('/api/canned-responses')).status).toBe(403);
    expect((await c.customer.post('/api/canned-responses', reply('x', 'personal'))).status).toBe(403);
    expect((await new ApiClient(server.url).get('/api/canned-responses')).status).toBe(401);
  });

  it('refuses a taken shortcut (409) and bad input (400/413), storing nothing', async () => {
    expect((await c.adminApi.post('/api/canned-responses', reply('refund', 'team'))).status).toBe(409);
    const second = (await c.adminApi.post<CannedResponse>('/api/canned-responses', reply('second', 'team'))).body;
    expect((await c.adminApi.patch(`/api/canned-responses/${second.id}`, { shortcut: 'refund' })).body.error.code).toBe('conflict');
    const before = await list(c.adminApi);
    for (const [body, status] of [
      [{ ...reply('Bad Shortcut', 'team') }, 400],
      [{ ...reply('ok', 'team'), scope: 'everyone' }, 400],
      [{ ...reply('ok', 'team'), title: '' }, 400],
      [{ ...reply('ok', 'team'), body: '   ' }, 400],
      [{ ...reply('ok', 'team'), body: 'x'.repeat(4001) }, 413],
      [{ ...reply('ok', 'team'), shortcut: 'a'.repeat(40) }, 413],
      ['not json', 400],
    ] as const) {
      const r = await c.adminApi.post('/api/canned-responses', body);
      expect(r.status, JSON.stringify(body).slice(0, 80)).toBe(status);
    }
    expect((await c.adminApi.patch(`/api/canned-responses/${second.id}`, { scope: 'personal' })).status).toBe(400);
    expect((await c.adminApi.patch('/api/canned-responses/not-a-uuid', { title: 'x' })).status).toBe(404);
    expect(await list(c.adminApi)).toEqual(before);
  });
});
