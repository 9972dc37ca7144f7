import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ticket } from '../../protocol/index.ts';
import { ApiClient, cast } from '../testing/api.ts';
import { autoSite, routedMember } from '../testing/routing.ts';
import { spawnServer } from '../testing/spawn-server.ts';
import { startTestServer, type TestServer } from '../testing/test-server.ts';

// Two server processes on one PostgreSQL route at the same time: many tickets created at once on
// both must never put a member above capacity, assign a ticket twice, or leave one waiting while
// someone is free.
const onPostgres = !!process.env.DATABASE_URL;
const ORIGIN = 'http://two.test';

describe.skipIf(!onPostgres)('routing across two server processes on one PostgreSQL', () => {
  let a: TestServer;
  let b: Awaited<ReturnType<typeof spawnServer>>;
  beforeAll(async () => {
    a = await startTestServer();
    b = await spawnServer({ DATABASE_URL: a.databaseUrl!, PARLEY_LOG: 'silent' });
  });
  afterAll(async () => {
    await b?.stop();
    await a?.close();
  });

  const floor = async () => {
    const sql = a.services.db.sql;
    const [counts] = await sql<{ open: number; assigned: number; closed: number }>(
      `select count(*) filter (where status = 'open')::int as open, count(*) filter (where status = 'assigned')::int as assigned,
              count(*) filter (where status = 'closed')::int as closed from tickets`);
    const loads = await sql<{ id: string; capacity: number; load: number }>(
      `select u.id, u.capacity, (select count(*)::int from tickets t where t.assignee_id = u.id and t.status = 'assigned') as load
       from users u where u.role = 'member'`);
    const twice = await sql(`select ticket_id from ticket_events where action = 'accept' group by ticket_id having count(*) > 1`);
    return { ...counts!, loads, twice };
  };

  /** Waits until the floor shows `want` (both instances may still be routing), then checks the invariants. */
  async function expectFloor(want: { open: number; assigned: number; closed: number }) {
    const end = Date.now() + 10_000;
    let f = await floor();
    while (f.open !== want.open || f.assigned !== want.assigned || f.closed !== want.closed) {
      if (Date.now() > end) throw new Error(`floor is ${JSON.stringify(f)}, wanted ${JSON.stringify(want)}`);
      await new Promise((r) => setTimeout(r, 100));
      f = await floor();
    }
    for (const m of f.loads) expect(m.load, JSON.stringify(m)).toBeLessThanOrEqual(m.capacity);
    expect(f.twice).toEqual([]);
    return f;
  }

  it('assigns a burst created on both instances within capacity, once each, and refills as tickets close', async () => {
    const c = await cast(a.url, a.admin);
    const site = await autoSite(c.adminApi, ORIGIN);
    const adminB = await ApiClient.staff(b.url, a.admin.email, a.admin.password);
    const members: Awaited<ReturnType<typeof routedMember>>[] = [];
    // Members set their status on either instance.
    for (let i = 0; i < 4; i++) members.push(await routedMember(i % 2 ? b.url : a.url, i % 2 ? adminB : c.adminApi, { capacity: 2 }));
    const customers = await Promise.all(Array.from({ length: 6 }, (_, i) => ApiClient.visitor(i % 2 ? b.url : a.url, site.key, ORIGIN)));

    const created = await Promise.all(Array.from({ length: 30 }, (_, i) => customers[i % 6]!.post<Ticket>('/api/tickets', {
      category: 'General', urgency: 'low', description: `burst ${i}`,
    })));
    expect(created.every((r) => r.status === 201)).toBe(true);
    await expectFloor({ open: 22, assigned: 8, closed: 0 });

    // Members close tickets on both instances at once: each freed slot is refilled, still within capacity.
    const assigned = await a.services.db.sql<{ id: string; assignee_id: string }>(`select id, assignee_id from tickets where status = 'assigned'`);
    const closes = assigned.slice(0, 5).map((t) => {
      // Each member is signed in on the instance it was made on (alternating A and B).
      return members.find((x) => x.user.id === t.assignee_id)!.api.post(`/api/tickets/${t.id}/close`);
    });
    expect((await Promise.all(closes)).every((r) => r.status === 200)).toBe(true);
    await expectFloor({ open: 17, assigned: 8, closed: 5 });

    // Capacity raised on both instances at once: four more each.
    await Promise.all(members.map((m, i) => (i % 2 ? adminB : c.adminApi).patch(`/api/users/${m.user.id}`, { capacity: 3 })));
    await expectFloor({ open: 13, assigned: 12, closed: 5 });
  });
});
