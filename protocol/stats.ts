import type { RoutingStats } from './routing.ts';
import type { TicketStatus } from './tickets.ts';

/** `GET /api/stats` (admin): what the monitoring page draws. */
export interface Stats {
  connections: { customers: number; members: number; admins: number };
  tickets: Record<TicketStatus, number>;
  /** Messages stored per minute over the last hour, oldest first (60 buckets). */
  messagesPerMinute: number[];
  /** Averages over tickets of the last 30 days, in seconds; null when there is none. */
  firstResponseSeconds: { avg: number | null; p50: number | null; p90: number | null };
  resolutionSeconds: { avg: number | null; p50: number | null; p90: number | null };
  /** True when some site has opening hours: its tickets' times above count business time only (others wall-clock time). */
  businessHours: boolean;
  /** Customer ratings of closed tickets over the last 12 weeks. */
  csat: Csat;
  /** Per member load, waiting tickets and the longest wait, per team. */
  routing: RoutingStats;
  server: {
    uptimeSeconds: number;
    rssBytes: number;
    heapUsedBytes: number;
    eventLoopLagMs: number;
    database: { kind: 'postgresql' | 'pglite'; ok: boolean; latencyMs: number | null };
    instanceId: string;
  };
}

/** Ratings of one group: a member (key: user id), a category, or a week (key: its Monday, YYYY-MM-DD). */
export interface CsatGroup {
  key: string;
  label: string;
  ratings: number;
  /** Mean score, 1-5. */
  average: number;
  /** Share of ratings of 4 or 5 (0-1): the usual CSAT figure. */
  satisfiedShare: number;
}

export interface Csat {
  overall: CsatGroup | null;
  byMember: CsatGroup[];
  byCategory: CsatGroup[];
  byWeek: CsatGroup[];
}
