import { TICKET_STATUSES, type BusinessHours, type Stats, type TicketStatus } from '../../protocol/index.ts';
import type { Database } from '../db/orm.ts';
import { businessMs } from '../domain/hours.ts';
import { percentile } from '../domain/percentile.ts';
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
  let businessHours = false;
  try {
    byStatus = await ticketsByStatus(db);
    const rows = await db.sql<{ m: number; n: number }>(
      `select floor(extract(epoch from (now() - created_at)) / 60)::int as m, count(*)::int as n
       from messages where not internal and created_at > now() - interval '60 minutes' group by 1`,
    );
    for (const r of rows) if (r.m >= 0 && r.m < 60) perMinute[59 - r.m] = r.n;
    [{ n: businessHours }] = (await db.sql<{ n: boolean }>('select exists (select 1 from sites where hours is not null) as n')) as [{ n: boolean }];
    const summarize = businessHours ? businessSummary : summary;
    firstResponse = await summarize(db, 'first_response_at');
    resolution = await summarize(db, 'closed_at');
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
    businessHours,
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
  return { avg: round(r?.avg), p50: round(r?.p50), p90: round(r?.p90) };
}

const round = (v: number | null | undefined) => (v === null || v === undefined ? null : Math.round(v));

// Bounds the JS work of a monitoring refresh; the most recent tickets are the ones that matter.
const BUSINESS_ROWS = 20_000;

/** As `summary`, where tickets of sites with opening hours count business time only (wall-clock arithmetic, so in JS). */
async function businessSummary(db: Database, column: 'first_response_at' | 'closed_at'): Promise<Summary> {
  const rows = await db.sql<{ created_at: Date; at: Date; hours: BusinessHours | null }>(
    `select t.created_at, t.${column} as at, s.hours from tickets t join sites s on s.id = t.site_id
     where t.${column} is not null and t.created_at > now() - interval '30 days' order by t.created_at desc limit ${BUSINESS_ROWS}`,
  );
  const secs = rows.map((r) => {
    const from = new Date(r.created_at);
    const to = new Date(r.at);
    return (r.hours ? businessMs(r.hours, from, to) : to.getTime() - from.getTime()) / 1000;
  });
  const avg = secs.length ? secs.reduce((a, b) => a + b, 0) / secs.length : null;
  return { avg: round(avg), p50: round(percentile(secs, 0.5)), p90: round(percentile(secs, 0.9)) };
}
