/**
 * Several instances on one PostgreSQL: customers on the first instance, members spread over all of
 * them, so some chats cross instances (over the bus: LISTEN/NOTIFY, or NATS with PARLEY_BUS_URL)
 * and the rest stay on one. Open-loop rates step up until delivery stops keeping up: the bus's
 * ceiling on this machine.
 */
import { createTempDatabase } from '../lib/database.ts';
import { CUSTOMER_ORIGIN, ParleyApi } from '../lib/parley-api.ts';
import { startParley, type ParleyServer } from '../lib/parley-server.ts';
import { driveLoad, type LoadRun } from '../load/drive.ts';
import { planWorkers, type Layout } from '../load/layout.ts';
import { prepareParleyChats, type ParleyChats } from '../load/parley-chats.ts';
import type { RateResult } from '../load/workers.ts';

export type BusKind = 'notify' | 'nats';

export interface InstancesOptions {
  counts: number[];
  buses: BusKind[];
  natsUrl: string;
  chats: number;
  members: number;
  /** Rates for every configuration, then higher ones until delivery stops keeping up. */
  rates: number[];
  ceilingRates: number[];
  /** Keeping up: cross-instance p99 at most this, no backlog growing, the rate sent and every message delivered. */
  p99LimitMs: number;
  windowMs: number;
  drainCapMs: number;
  openCapMs: number;
  /** Per configuration. */
  capMs: number;
  chatWorkers: number;
}

export interface InstancesRun {
  instances: number;
  bus: BusKind;
  run: LoadRun;
  /** The highest rate that kept up, and the first that did not (null: none failed of those run). */
  ceiling: number | null;
  brokeAt: number | null;
  why: string | null;
}

export interface InstancesResult {
  chats: number;
  members: number;
  windowMs: number;
  p99LimitMs: number;
  runs: InstancesRun[];
}

/** Why a rate did not keep up, or null when it did. */
export function shortfall(r: RateResult, p99LimitMs: number): string | null {
  if (!r.rateAchieved) return `the load generator sent ${r.achievedRate}/s`;
  if (r.undelivered || r.errors) return `${r.undelivered} undelivered, ${r.errors} refused`;
  if (r.backlogGrowing) return 'backlog growing';
  const worst = Math.max(r.crossMs.p99, r.sameMs.p99);
  if (worst > p99LimitMs) return `p99 ${Math.round(worst)} ms`;
  return null;
}

function layoutFor(servers: ParleyServer[], world: ParleyChats): Layout {
  const apis = servers.map((s) => new ParleyApi(s.url));
  const home = (m: number) => m % servers.length;
  return {
    members: world.members.map((m, i) => ({ wsUrl: apis[home(i)].wsUrl, origin: apis[home(i)].origin, cookie: m.cookie })),
    chats: world.chats.map((c) => ({ ticketId: c.ticketId, member: c.member, cross: home(c.member) !== 0, customer: { wsUrl: apis[0].wsUrl, origin: CUSTOMER_ORIGIN, token: c.customer.token } })),
    idle: [],
  };
}

export async function measureInstances(o: InstancesOptions, baseUrl: string, log: (line: string) => void): Promise<InstancesResult> {
  const db = await createTempDatabase(baseUrl, 'instances');
  const result: InstancesResult = { chats: o.chats, members: o.members, windowMs: o.windowMs, p99LimitMs: o.p99LimitMs, runs: [] };
  try {
    // Accounts and tickets once, through one instance; every configuration then starts its own instances on them.
    const setup = await startParley({ databaseUrl: db.url });
    let world: ParleyChats;
    try {
      const api = new ParleyApi(setup.url);
      const admin = await api.login(setup.admin.email, setup.admin.password);
      const site = await api.createSite(admin, 'Bench instances', [CUSTOMER_ORIGIN]);
      world = await prepareParleyChats(api, site.key, admin, { members: o.members, chats: o.chats, idleVisitors: 0 });
    } finally {
      await setup.close();
    }
    for (const bus of o.buses) {
      for (const count of o.counts) {
        log(`  ${count} instances, ${bus === 'nats' ? 'NATS bus' : 'LISTEN/NOTIFY'}:`);
        const env: Record<string, string> = bus === 'nats' ? { PARLEY_BUS_URL: o.natsUrl } : {};
        const servers = await Promise.all(Array.from({ length: count }, () => startParley({ databaseUrl: db.url, env })));
        try {
          const rates = [...o.rates, ...o.ceilingRates];
          const run = await driveLoad(planWorkers(layoutFor(servers, world), o.chatWorkers), servers.map((s) => s.child.pid), {
            rates,
            windowMs: o.windowMs,
            drainCapMs: o.drainCapMs,
            openCapMs: o.openCapMs,
            capMs: o.capMs,
            stopAfter: (r) => shortfall(r, o.p99LimitMs) !== null,
            metricsUrls: servers.map((s) => s.url),
            log,
          });
          const broke = run.rates.find((r) => shortfall(r, o.p99LimitMs) !== null) ?? null;
          const kept = run.rates.filter((r) => shortfall(r, o.p99LimitMs) === null);
          result.runs.push({ instances: count, bus, run, ceiling: kept.at(-1)?.rate ?? null, brokeAt: broke?.rate ?? null, why: broke ? shortfall(broke, o.p99LimitMs) : null });
        } finally {
          await Promise.all(servers.map((s) => s.close()));
        }
      }
    }
    return result;
  } finally {
    await db.drop();
  }
}
