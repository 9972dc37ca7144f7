import { TICKET_STATUSES, type Stats, type TicketStatus } from '../../protocol/index.ts';
import type { Database } from '../db/orm.ts';
import type { Metrics } from '../metrics.ts';
import { collectCsat } from './csat.ts';
import { routingStats } from './routing-stats.ts';

type Summary = Stats['firstResponseSeconds'];

/** The monitoring figures: live counts, throughput, response and resolution times, server health. */
export async function collectStats(
  db: Database, metrics: Metrics, connections: Stats['connections'], instanceId: string,
): Promise<Stats> {
  const t0 = performance.now();
  let dbOk = true;
  let byStatus: Record<TicketStatus, number> = { open: 0, assigned: 0, rejected: 0, closed: 0 };
  let perMinute: number[] = new Array(60).fill(0);
  let firstResponse: Summary = { avg: null, p50: null, p90: null };
  let resolution: Summary = { avg: null, p50: null, p90: null };
  let csat: Stats['csat'] = { overall: null, byMember: [], byCategory: [], byWeek: [] };
  let routing: Stats['routing'] = { members: [], waiting: 0, longestWaitSeconds: null, queues: [] };
  try {
    byStatus = await ticketsByStatus(db);
    const rows = await db.sql<{ m: number; n: number }>(
      `select floor(extract(epoch from (now() - created_at)) / 60)::int as m, count(*)::int as n
       from messages where not internal and created_at > now() - interval '60 minutes' group by 1`,
    );
    for (const r of rows) if (r.m >= 0 && r.m < 60) perMinute[59 - r.m] = r.n;
    firstResponse = await summary(db, 'first_response_at');
    resolution = await summary(db, 'closed_at');
    csat = await collectCsat(db);
    routing = await routingStats(db);
  } catch {
    dbOk = false;
  }
  const mem = process.memoryUsage();
  return {
    connections,
    tickets: byStatus,
    messagesPerMinute: perMinute,
    firstResponseSeconds: firstResponse,
    resolutionSeconds: resolution,
    csat,
    routing,
    server: {
      uptimeSeconds: Math.round(process.uptime()),
      rssBytes: mem.rss,
      heapUsedBytes: mem.heapUsed,
      eventLoopLagMs: metrics.lagMs(),
      database: { kind: db.kind, ok: dbOk, latencyMs: dbOk ? Math.round((performance.now() - t0) * 10) / 10 : null },
      instanceId,
    },
  };
}

export async function ticketsByStatus(db: Database): Promise<Record<TicketStatus, number>> {
  const rows = await db.sql<{ status: TicketStatus; n: number }>('select status, count(*)::int as n from tickets group by status');
  const out = Object.fromEntries(TICKET_STATUSES.map((s) => [s, 0])) as Record<TicketStatus, number>;
  for (const r of rows) out[r.status] = r.n;
  return out;
}

/** Seconds from creation to `column`, over tickets of the last 30 days. */
async function summary(db: Database, column: 'first_response_at' | 'closed_at'): Promise<Summary> {
  const [r] = await db.sql<{ avg: number | null; p50: number | null; p90: number | null }>(
    `select avg(s)::float as avg, percentile_cont(0.5) within group (order by s)::float as p50,
            percentile_cont(0.9) within group (order by s)::float as p90
     from (select extract(epoch from (${column} - created_at)) as s from tickets
           where ${column} is not null and created_at > now() - interval '30 days') x`,
  );
  const round = (v: number | null | undefined) => (v === null || v === undefined ? null : Math.round(v));
  return { avg: round(r?.avg), p50: round(r?.p50), p90: round(r?.p90) };
}
