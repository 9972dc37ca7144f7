// Ratings (CSAT) over real HTTP on a real database (PGlite, or PostgreSQL with DATABASE_URL): who
// may rate, when, how often, what is refused; the monitoring figures; the reply-time figure.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Rating, Stats, Ticket } from '../../protocol/index.ts';
import { ApiClient, cast, newTicket } from '../testing/api.ts';
import { startTestServer, type TestServer } from '../testing/test-server.ts';

let server: TestServer;
let c: Awaited<ReturnType<typeof cast>>;
let stranger: ApiClient;

beforeAll(async () => {
  server = await startTestServer();
  c = await cast(server.url, server.admin);
  stranger = await ApiClient.visitor(server.url, c.site.key, c.origin);
});
afterAll(async () => server?.close());

/** A ticket of the customer, accepted by the member, answered, and (unless told otherwise) closed. */
async function ticket(description: string, close = true): Promise<Ticket> {
  const tk = (await newTicket(c.customer, description)).body;
  await c.member.post(`/api/tickets/${tk.id}/accept`);
  await c.member.post(`/api/tickets/${tk.id}/messages`, { clientId: `${tk.id}-1`, body: 'On it' });
  return close ? (await c.member.post<Ticket>(`/api/tickets/${tk.id}/close`)).body : tk;
}
const rate = (api: ApiClient, id: string, body: unknown) => api.post<Rating & { error?: { code: string } }>(`/api/tickets/${id}/rating`, body);

describe('POST /api/tickets/:id/rating', () => {
  it('takes one rating from the ticket’s customer after close, and shows it to them and to staff', async () => {
    const tk = await ticket('rate me');
    const res = await rate(c.customer, tk.id, { score: 5, comment: '  Quick and kind — شكرا  ' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ ticketId: tk.id, score: 5, comment: 'Quick and kind — شكرا' });
    for (const api of [c.customer, c.member, c.adminApi]) {
      const got = await api.get<{ rating: Rating | null }>(`/api/tickets/${tk.id}/rating`);
      expect(got.status).toBe(200);
      expect(got.body.rating).toMatchObject({ score: 5, comment: 'Quick and kind — شكرا' });
    }
    // Once: a second rating (even a different one) is a conflict and changes nothing.
    const again = await rate(c.customer, tk.id, { score: 1 });
    expect(again.status).toBe(409);
    expect(again.body.error!.code).toBe('conflict');
    expect((await c.customer.get<{ rating: Rating }>(`/api/tickets/${tk.id}/rating`)).body.rating.score).toBe(5);
  });

  it('stores one rating when the same customer sends two at once', async () => {
    const tk = await ticket('twice at once');
    const statuses = (await Promise.all([rate(c.customer, tk.id, { score: 4 }), rate(c.customer, tk.id, { score: 2 })])).map((r) => r.status).sort();
    expect(statuses).toEqual([201, 409]);
    const rows = await server.services.db.sql<{ n: number }>('select count(*)::int as n from ratings where ticket_id = ?', [tk.id]);
    expect(rows[0]!.n).toBe(1);
  });

  it('refuses an open or assigned ticket (409), staff (403), another customer and strangers (404, 401)', async () => {
    const open = (await newTicket(c.customer, 'still open')).body;
    expect((await rate(c.customer, open.id, { score: 3 })).body.error!.code).toBe('invalid_state');
    const assigned = await ticket('being worked on', false);
    const r = await rate(c.customer, assigned.id, { score: 3 });
    expect([r.status, r.body.error!.code]).toEqual([409, 'invalid_state']);

    const closed = await ticket('closed, rated by the wrong people');
    expect((await rate(c.member, closed.id, { score: 5 })).status).toBe(403);
    expect((await rate(c.adminApi, closed.id, { score: 5 })).status).toBe(403);
    // Another customer of the same site cannot even tell the ticket exists.
    expect((await rate(stranger, closed.id, { score: 1 })).status).toBe(404);
    expect((await stranger.get(`/api/tickets/${closed.id}/rating`)).status).toBe(404);
    expect((await rate(new ApiClient(server.url), closed.id, { score: 1 })).status).toBe(401);
    expect((await rate(c.customer, 'not-a-uuid', { score: 1 })).status).toBe(404);
    expect((await c.customer.get<{ rating: null }>(`/api/tickets/${closed.id}/rating`)).body.rating).toBe(null);
  });

  it('refuses a rating more than 7 days after close (409)', async () => {
    const tk = await ticket('long ago');
    await server.services.db.sql(`update tickets set closed_at = now() - interval '8 days' where id = ?`, [tk.id]);
    const r = await rate(c.customer, tk.id, { score: 4 });
    expect([r.status, r.body.error!.code]).toEqual([409, 'invalid_state']);
    await server.services.db.sql(`update tickets set closed_at = now() - interval '6 days' where id = ?`, [tk.id]);
    expect((await rate(c.customer, tk.id, { score: 4 })).status).toBe(201);
  });

  it('refuses bad scores and comments with 400/413, storing nothing', async () => {
    const tk = await ticket('bad input');
    const bad: [unknown, number][] = [
      [{}, 400], [{ score: 0 }, 400], [{ score: 6 }, 400], [{ score: 4.5 }, 400], [{ score: '5' }, 400], [{ score: null }, 400],
      [{ score: 5, comment: 42 }, 400], [{ score: 5, comment: 'bell\u0007' }, 400], [{ score: 5, comment: 'nul\u0000' }, 400],
      [{ score: 5, comment: 'x'.repeat(1001) }, 413], [[5], 400], ['5', 400],
    ];
    for (const [body, status] of bad) expect((await rate(c.customer, tk.id, body)).status, JSON.stringify(body).slice(0, 40)).toBe(status);
    const notJson = await c.customer.call('POST', `/api/tickets/${tk.id}/rating`, '{"score": 5', { 'content-type': 'application/json' });
    expect(notJson.status).toBe(400);
    expect((await c.customer.get<{ rating: null }>(`/api/tickets/${tk.id}/rating`)).body.rating).toBe(null);
    // A huge body is refused by the body limit before anything else.
    expect((await rate(c.customer, tk.id, { score: 5, comment: 'x'.repeat(70_000) })).status).toBe(413);
    // Blank comments are no comment; line breaks and emoji are fine.
    expect((await rate(c.customer, tk.id, { score: 2, comment: '  \n ' })).body.comment).toBe(null);
    const other = await ticket('emoji');
    expect((await rate(c.customer, other.id, { score: 3, comment: 'ok\nthanks 👍' })).body.comment).toBe('ok\nthanks 👍');
  });
});

describe('CSAT in monitoring and the reply time', () => {
  it('shows ratings by member, category and week to admins only', async () => {
    const stats = await c.adminApi.get<Stats>('/api/stats');
    expect(stats.status).toBe(200);
    const { csat } = stats.body;
    const n = csat.overall!.ratings;
    expect(n).toBeGreaterThanOrEqual(5);
    expect(csat.byMember).toEqual([expect.objectContaining({ key: c.memberUser.id, label: 'Mia Member', ratings: n })]);
    expect(csat.byCategory).toEqual([expect.objectContaining({ key: 'Billing', ratings: n })]);
    expect(csat.byWeek.reduce((sum, w) => sum + w.ratings, 0)).toBe(n);
    expect(csat.byWeek.every((w) => /^\d{4}-\d{2}-\d{2}$/.test(w.key))).toBe(true);
    expect(csat.overall!.average).toBeGreaterThanOrEqual(1);
    expect(csat.overall!.satisfiedShare).toBeGreaterThanOrEqual(0);
    expect((await c.member.get('/api/stats')).status).toBe(403);
  });

  it('gives the widget its site’s median first response, and nothing to staff', async () => {
    const res = await c.customer.get<{ medianFirstResponseSeconds: number | null }>('/api/reply-time');
    expect(res.status).toBe(200);
    expect(Object.keys(res.body)).toEqual(['medianFirstResponseSeconds']);
    expect(res.body.medianFirstResponseSeconds).toBeGreaterThanOrEqual(0);
    expect((await c.member.get('/api/reply-time')).status).toBe(403);
    expect((await new ApiClient(server.url).get('/api/reply-time')).status).toBe(401);
    // A site with no answered ticket has no figure.
    const fresh = (await c.adminApi.post<{ key: string }>('/api/sites', { name: 'Quiet', origins: [c.origin] })).body;
    const visitor = await ApiClient.visitor(server.url, fresh.key, c.origin);
    expect((await visitor.get('/api/reply-time')).body).toEqual({ medianFirstResponseSeconds: null });
  });

  it('counts business time only when the site has opening hours', async () => {
    const site = (await c.adminApi.post<{ id: string; key: string }>('/api/sites', { name: 'Hours', origins: [c.origin] })).body;
    const visitor = await ApiClient.visitor(server.url, site.key, c.origin);
    const t = (await newTicket(visitor, 'sent three days ago')).body;
    await c.member.post(`/api/tickets/${t.id}/accept`);
    await c.member.post(`/api/tickets/${t.id}/messages`, { clientId: 'first-answer', body: 'Here now' });
    await server.services.db.sql(`update tickets set created_at = first_response_at - interval '3 days' where id = ?`, [t.id]);
    const figure = async () => (await visitor.get<{ medianFirstResponseSeconds: number }>('/api/reply-time')).body.medianFirstResponseSeconds;
    expect(await figure()).toBeGreaterThanOrEqual(3 * 86_400);
    const wallClock = (await c.adminApi.get<Stats>('/api/stats')).body;
    expect(wallClock.businessHours).toBe(false);
    // Open around the clock, but closed on the three days before today (UTC): only today's part counts.
    const day = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);
    const weekly = [0, 1, 2, 3, 4, 5, 6].map((d) => ({ day: d, from: '00:00', to: '24:00' }));
    expect((await c.adminApi.patch(`/api/sites/${site.id}`, { hours: { timeZone: 'UTC', weekly, closedDates: [day(1), day(2), day(3)] } })).status).toBe(200);
    const sinceMidnight = (Date.now() % 86_400_000) / 1000;
    expect(Math.abs((await figure()) - sinceMidnight)).toBeLessThan(30);
    // Monitoring counts the same way and says so.
    const stats = (await c.adminApi.get<Stats>('/api/stats')).body;
    expect(stats.businessHours).toBe(true);
    // Only this ticket's time changed (three days of wall-clock, at most one of business time).
    expect(wallClock.firstResponseSeconds.avg! - stats.firstResponseSeconds.avg!).toBeGreaterThan(0);
  });
});
