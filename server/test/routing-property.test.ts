import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Team, Ticket } from '../../protocol/index.ts';
import { ApiClient, cast } from '../testing/api.ts';
import { autoSite, routedMember } from '../testing/routing.ts';
import { startTestServer, type TestServer } from '../testing/test-server.ts';

// Random arrivals, closes, status and capacity changes against the real database; after every step the
// routing invariants must hold: nobody was given a ticket above capacity, no ticket was assigned twice,
// and no ticket waits while someone who could take it is free.
const STEPS = Number(process.env.PARLEY_ROUTING_STEPS ?? 80);
const ORIGIN = 'http://property.test';

/** Seeded PRNG (mulberry32), so a failure names the seed that reproduces it. */
function prng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Floor {
  members: { id: string; status: string; capacity: number; load: number }[];
  open: { id: string; category: string }[];
  accepts: { ticket_id: string; n: number }[];
}

describe('routing invariants under random arrivals, closes and status changes', () => {
  let server: TestServer;
  let members: { api: ApiClient; user: { id: string } }[];
  let customers: ApiClient[];
  let team: Team;
  const seed = Number(process.env.PARLEY_ROUTING_SEED ?? Date.now() % 100000);

  beforeAll(async () => {
    server = await startTestServer();
    const c = await cast(server.url, server.admin);
    const site = await autoSite(c.adminApi, ORIGIN);
    members = [];
    for (let i = 0; i < 4; i++) members.push(await routedMember(server.url, c.adminApi, { capacity: 1 + (i % 3), status: i % 2 ? 'away' : 'online' }));
    team = (await c.adminApi.post<Team>('/api/teams', { name: 'Billing', memberIds: [members[0]!.user.id, members[1]!.user.id], categories: ['Billing'] })).body;
    customers = await Promise.all([0, 1, 2].map(() => ApiClient.visitor(server.url, site.key, ORIGIN)));
    (server as any).adminApi = c.adminApi;
  });
  afterAll(() => server?.close());

  async function floor(): Promise<Floor> {
    const { db } = server.services;
    return {
      members: await db.sql(`select u.id, u.status, u.capacity,
          (select count(*)::int from tickets t where t.assignee_id = u.id and t.status = 'assigned') as load
        from users u where u.role = 'member' and u.active`),
      open: await db.sql(`select id, category from tickets where status = 'open'`),
      accepts: await db.sql(`select ticket_id, count(*)::int as n from ticket_events where action = 'accept' group by ticket_id`),
    };
  }

  it(`holds after every step (seed ${seed})`, async () => {
    const rnd = prng(seed);
    const pick = <T,>(xs: T[]) => xs[Math.floor(rnd() * xs.length)]!;
    const adminApi = (server as any).adminApi as ApiClient;
    let before = await floor();
    for (let step = 0; step < STEPS; step++) {
      const r = rnd();
      let op: string;
      if (r < 0.4) {
        // A burst of arrivals at once.
        const n = 1 + Math.floor(rnd() * 4);
        op = `arrive x${n}`;
        await Promise.all(Array.from({ length: n }, () => pick(customers).post<Ticket>('/api/tickets', {
          category: rnd() < 0.4 ? 'Billing' : 'General', urgency: 'low', description: `step ${step}`,
        })));
      } else if (r < 0.7) {
        const assigned = await server.services.db.sql<{ id: string; assignee_id: string }>(`select id, assignee_id from tickets where status = 'assigned'`);
        if (!assigned.length) continue;
        const t = pick(assigned);
        op = `close ${t.id}`;
        const m = members.find((x) => x.user.id === t.assignee_id)!;
        expect((await m.api.post(`/api/tickets/${t.id}/close`)).status).toBe(200);
      } else if (r < 0.9) {
        const m = pick(members);
        const status = pick(['online', 'away', 'offline']);
        op = `status ${m.user.id} ${status}`;
        await m.api.patch('/api/users/me', { status });
      } else {
        const m = pick(members);
        const capacity = Math.floor(rnd() * 4);
        op = `capacity ${m.user.id} ${capacity}`;
        await adminApi.patch(`/api/users/${m.user.id}`, { capacity });
      }
      await server.services.routing.settled();
      const after = await floor();
      const where = `seed ${seed}, step ${step} (${op})`;
      for (const m of after.members) {
        const prev = before.members.find((x) => x.id === m.id)!;
        // Routing only ever adds a ticket to a member below capacity (an admin may lower capacity under the load).
        if (m.load > prev.load) expect(m.load <= m.capacity && m.status === 'online', `${where}: ${JSON.stringify(m)}`).toBe(true);
      }
      for (const a of after.accepts) expect(a.n, `${where}: ticket ${a.ticket_id} accepted ${a.n} times`).toBe(1);
      for (const t of after.open) {
        const pool = t.category === 'Billing' ? after.members.filter((m) => team.memberIds.includes(m.id)) : after.members;
        const free = pool.filter((m) => m.status === 'online' && m.load < m.capacity);
        expect(free, `${where}: ticket ${t.id} (${t.category}) waits while ${JSON.stringify(free)} is free`).toEqual([]);
      }
      before = after;
    }
  }, 120_000); // many steps against a real database: give a loaded machine room
});
