/**
 * Real-load latency: many idle authenticated customer sockets, chats with members online, and
 * messages at a fixed combined rate with Poisson arrivals, sent without waiting for acks, from load
 * workers in their own processes. The same load through the bare ws relay is the transport's limit.
 */
import { CUSTOMER_ORIGIN, ParleyApi } from '../lib/parley-api.ts';
import { startParley } from '../lib/parley-server.ts';
import { startRelay } from '../lib/relay.ts';
import { driveLoad, type LoadRun } from '../load/drive.ts';
import { planWorkers, type Layout } from '../load/layout.ts';
import { prepareParleyChats } from '../load/parley-chats.ts';

export interface OpenLoopOptions {
  /** Idle authenticated customer sockets held through the run. */
  idle: number;
  /** Idle sockets per visitor (tabs of one browser); within PARLEY_SOCKETS_PER_VISITOR's default of 20. */
  idlePerVisitor: number;
  chats: number;
  members: number;
  /** Combined rates, messages per second. */
  rates: number[];
  windowMs: number;
  drainCapMs: number;
  openCapMs: number;
  capMs: number;
  chatWorkers: number;
}

export interface OpenLoopResult {
  database: 'postgresql' | 'pglite';
  idle: number;
  chats: number;
  members: number;
  windowMs: number;
  parley: LoadRun;
  wsRelay: LoadRun;
}

export async function measureOpenLoop(o: OpenLoopOptions, nodeFlags: string[], log: (line: string) => void): Promise<OpenLoopResult> {
  const steps = { rates: o.rates, windowMs: o.windowMs, drainCapMs: o.drainCapMs, openCapMs: o.openCapMs, capMs: o.capMs, log };
  const server = await startParley({ nodeFlags });
  let parley: LoadRun;
  try {
    const api = new ParleyApi(server.url);
    const admin = await api.login(server.admin.email, server.admin.password);
    const site = await api.createSite(admin, 'Bench open loop', [CUSTOMER_ORIGIN]);
    const setupStarted = performance.now();
    const world = await prepareParleyChats(api, site.key, admin, { members: o.members, chats: o.chats, idleVisitors: Math.ceil(o.idle / o.idlePerVisitor) });
    log(`  parley: ${o.members} members, ${o.chats} tickets, ${world.idleTokens.length} idle visitors in ${((performance.now() - setupStarted) / 1000).toFixed(1)} s`);
    const layout: Layout = {
      members: world.members.map((m) => ({ wsUrl: api.wsUrl, origin: api.origin, cookie: m.cookie })),
      chats: world.chats.map((c) => ({ ticketId: c.ticketId, member: c.member, cross: false, customer: { wsUrl: api.wsUrl, origin: CUSTOMER_ORIGIN, token: c.customer.token } })),
      idle: Array.from({ length: o.idle }, (_, i) => ({ wsUrl: api.wsUrl, origin: CUSTOMER_ORIGIN, token: world.idleTokens[i % world.idleTokens.length] })),
    };
    parley = await driveLoad(planWorkers(layout, o.chatWorkers), [server.child.pid], { ...steps, metricsUrls: [server.url] });
  } finally {
    await server.close();
  }
  const relay = await startRelay('ws');
  try {
    log('  bare ws relay:');
    const layout: Layout = {
      members: Array.from({ length: o.members }, (_, m) => ({ wsUrl: relay.wsUrl, origin: CUSTOMER_ORIGIN, token: `member-${m}` })),
      chats: Array.from({ length: o.chats }, (_, c) => ({ ticketId: `relay-${c}`, member: c % o.members, cross: false, customer: { wsUrl: relay.wsUrl, origin: CUSTOMER_ORIGIN, token: `customer-${c}` } })),
      idle: Array.from({ length: o.idle }, (_, i) => ({ wsUrl: relay.wsUrl, origin: CUSTOMER_ORIGIN, token: `idle-${i}` })),
    };
    const wsRelay = await driveLoad(planWorkers(layout, o.chatWorkers), [relay.child.pid], steps);
    return { database: server.database.kind, idle: o.idle, chats: o.chats, members: o.members, windowMs: o.windowMs, parley, wsRelay };
  } finally {
    await relay.close();
  }
}
