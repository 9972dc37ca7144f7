// Labels over HTTP and the socket: who may label, the rule for a label, the ?label= filter, ticket_updated.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ticket } from '../../protocol/index.ts';
import { ApiClient, cast, newTicket, TestSocket } from '../testing/api.ts';
import { startTestServer, type TestServer } from '../testing/test-server.ts';

let server: TestServer;
let c: Awaited<ReturnType<typeof cast>>;
const sockets: TestSocket[] = [];

beforeAll(async () => {
  server = await startTestServer();
  c = await cast(server.url, server.admin);
});
afterAll(async () => {
  for (const s of sockets) s.close();
  await server?.close();
});

describe('labels', () => {
  it('sets a ticket\'s labels (trimmed, each once), filters the list by one, and offers those in use', async () => {
    const t = (await newTicket(c.customer, 'labelled')).body as Ticket;
    const other = (await newTicket(c.customer, 'not labelled')).body as Ticket;
    const r = await c.member.call('PUT', `/api/tickets/${t.id}/labels`, { labels: [' billing ', 'VIP', 'vip', 'refund_2'] });
    expect(r.status).toBe(200);
    expect(r.body.labels).toEqual(['billing', 'VIP', 'refund_2']);
    expect((await c.member.get<Ticket>(`/api/tickets/${t.id}`)).body.labels).toEqual(['billing', 'VIP', 'refund_2']);
    const ids = async (q: string) => (await c.member.get<{ tickets: Ticket[] }>(`/api/tickets?${q}`)).body.tickets.map((x) => x.id);
    expect(await ids('label=billing')).toEqual([t.id]);
    expect(await ids('label=billing&status=closed')).toEqual([]);
    expect(await ids('')).toEqual(expect.arrayContaining([t.id, other.id]));
    expect((await c.member.get('/api/tickets?label=bad%20label')).status).toBe(400);
    expect((await c.member.get<{ labels: string[] }>('/api/labels')).body.labels).toEqual(expect.arrayContaining(['billing', 'VIP', 'refund_2']));
    // Clearing them.
    expect((await c.member.call('PUT', `/api/tickets/${t.id}/labels`, { labels: [] })).body.labels).toEqual([]);
    expect(await ids('label=billing')).toEqual([]);
  });

  it('refuses bad labels and more than ten, changing nothing', async () => {
    const t = (await newTicket(c.customer, 'strict')).body as Ticket;
    await c.member.call('PUT', `/api/tickets/${t.id}/labels`, { labels: ['keep'] });
    for (const [body, status] of [
      [{ labels: ['has space'] }, 400], [{ labels: ['x'.repeat(33)] }, 400], [{ labels: [''] }, 400], [{ labels: ['ünïcode'] }, 400],
      [{ labels: ['<b>'] }, 400], [{ labels: 'billing' }, 400], [{ labels: [1] }, 400], [{}, 400],
      [{ labels: Array.from({ length: 11 }, (_, i) => `l${i}`) }, 400], [{ labels: Array.from({ length: 1000 }, (_, i) => `l${i}`) }, 413],
    ] as const) {
      const r = await c.member.call('PUT', `/api/tickets/${t.id}/labels`, body);
      expect(r.status, JSON.stringify(body).slice(0, 60)).toBe(status);
    }
    expect((await c.member.get<Ticket>(`/api/tickets/${t.id}`)).body.labels).toEqual(['keep']);
  });

  it('lets only staff who may see the ticket label it', async () => {
    const t = (await newTicket(c.customer, 'taken')).body as Ticket;
    await c.adminApi.post(`/api/tickets/${t.id}/accept`);
    // The member can no longer see the admin's ticket: 404, as for every ticket they may not see.
    expect((await c.member.call('PUT', `/api/tickets/${t.id}/labels`, { labels: ['x'] })).status).toBe(404);
    expect((await c.customer.call('PUT', `/api/tickets/${t.id}/labels`, { labels: ['x'] })).status).toBe(403);
    expect((await c.customer.get('/api/labels')).status).toBe(403);
    expect((await new ApiClient(server.url).call('PUT', `/api/tickets/${t.id}/labels`, { labels: ['x'] })).status).toBe(401);
    expect((await c.adminApi.call('PUT', '/api/tickets/not-a-uuid/labels', { labels: ['x'] })).status).toBe(404);
    expect((await c.adminApi.call('PUT', `/api/tickets/${t.id}/labels`, { labels: ['x'] })).status).toBe(200);
  });

  it('broadcasts ticket_updated to staff in real time, once per change', async () => {
    const t = (await newTicket(c.customer, 'live')).body as Ticket;
    const other = await TestSocket.staff(server.url, c.adminApi);
    sockets.push(other);
    const before = other.frames.length;
    await c.member.call('PUT', `/api/tickets/${t.id}/labels`, { labels: ['urgent-ish'] });
    const f = await other.next((x) => x.type === 'ticket_updated', 5000, before);
    expect(f).toMatchObject({ type: 'ticket_updated', ticket: { id: t.id, labels: ['urgent-ish'] } });
    await c.member.call('PUT', `/api/tickets/${t.id}/labels`, { labels: ['urgent-ish'] });
    await c.member.call('PUT', `/api/tickets/${t.id}/labels`, { labels: ['calm'] });
    await other.next((x) => x.type === 'ticket_updated' && x.ticket.labels?.[0] === 'calm', 5000, before);
    expect(other.frames.slice(before).filter((x) => x.type === 'ticket_updated').length).toBe(2);
  });
});
