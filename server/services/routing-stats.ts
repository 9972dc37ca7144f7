import type { MemberLoad, QueueStats, RoutingStats } from '../../protocol/index.ts';
import type { Database } from '../db/orm.ts';
import { teamOf } from '../domain/index.ts';
import { readQueue } from './routing.ts';

/** Each active staff member's status and load against capacity, by name (monitoring, and the console's transfer picker). */
export const memberLoads = (db: Database): Promise<MemberLoad[]> =>
  db.sql<MemberLoad>(
    `select u.id, u.name, u.status, u.capacity,
       (select count(*)::int from tickets t where t.assignee_id = u.id and t.status = 'assigned') as assigned
     from users u where u.active order by u.name, u.id`,
  );

/** Monitoring: each active member's load against capacity, and the waiting tickets per team with the longest wait. */
export async function routingStats(db: Database, now = Date.now()): Promise<RoutingStats> {
  const members = await memberLoads(db);
  const [{ waiting, teams }, names] = await Promise.all([readQueue(db.sql), db.sql<{ id: string; name: string }>('select id, name from teams')]);
  const teamName = new Map(names.map((t) => [t.id, t.name]));
  const pools = new Map<string, QueueStats>();
  const wait = (createdAt: number) => Math.max(0, Math.round((now - createdAt) / 1000));
  for (const t of waiting) {
    const team = teamOf(teams, t.category);
    const key = team?.id ?? '';
    const pool = pools.get(key) ?? { team: team ? { id: team.id, name: teamName.get(team.id) ?? '' } : null, waiting: 0, longestWaitSeconds: null };
    pool.waiting++;
    pool.longestWaitSeconds = Math.max(pool.longestWaitSeconds ?? 0, wait(t.createdAt));
    pools.set(key, pool);
  }
  return {
    members,
    waiting: waiting.length,
    longestWaitSeconds: waiting.length ? wait(Math.min(...waiting.map((t) => t.createdAt))) : null,
    queues: [...pools.values()],
  };
}
