import type { ServerFrame } from '../protocol/index.ts';
import { counterDelta, createTempDatabase, dbCounters, type DbCounters } from './lib/database.ts';
import { FrameSocket, openCustomerSocket, openStaffSocket } from './lib/frame-socket.ts';
import { closeHttpAgents } from './lib/http.ts';
import { Inspector } from './lib/inspector.ts';
import { describeMachine, type Machine } from './lib/machine.ts';
import { CUSTOMER_ORIGIN, ParleyApi, type CustomerSession, type StaffSession } from './lib/parley-api.ts';
import { ADMIN, startParley, type ParleyServer } from './lib/parley-server.ts';
import { freePort } from './lib/proc.ts';
import { loopbackSource, mapPool, sleep } from './lib/pool.ts';
import { startRelay, type Relay } from './lib/relay.ts';
import type { BenchProfile } from './profiles.ts';
import { runChat, type ChatResult } from './scenarios/chat-driver.ts';
import { parleyTransport, socketIoTransport, wsRelayTransport } from './scenarios/chat-transports.ts';
import { measureConnections, type ConnectionsResult } from './scenarios/connections.ts';
import { measureDatabase, type InsertResult } from './scenarios/db-insert.ts';
import { measureFanout, sampleTicket, type FanoutResult } from './scenarios/fanout.ts';
import { serveHostPage } from './scenarios/host-page.ts';
import { measureStaffOnline, type StaffOnlineResult } from './scenarios/staff-online.ts';
import { runRollingRestart, summarizeRestart, type RestartSummary } from './scenarios/rolling-restart.ts';
import { measureStartup, type StartupResult } from './scenarios/startup.ts';
import { measureWidget, type WidgetResult } from './scenarios/widget.ts';
import { measureWidgetRender, type WidgetRenderResult } from './scenarios/widget-render.ts';
import { measureWebhooks, type WebhooksResult } from './scenarios/webhooks.ts';
import { measureAttachments, type AttachmentsResult } from './scenarios/attachments.ts';
import { measureOpenLoop, type OpenLoopResult } from './scenarios/open-loop.ts';
import { measureInstances, type InstancesResult } from './scenarios/instances.ts';
import { readWriterSums, writerFigures, type WriterFigures } from './lib/server-metrics.ts';

export interface ChatRound {
  pairs: number;
  messages: number;
  parley: ChatResult;
  wsRelay: ChatResult;
  socketIo: ChatResult;
  insert: InsertResult;
  /** Reference: one numbered message per statement (seq bump + insert), same rows and connections. */
  statement: InsertResult;
  /** PostgreSQL only: database work per acknowledged message (pg_stat_database deltas). */
  dbPerMessage: DbCounters | null;
  /** Parley's message writer over the whole round (its /metrics before and after): batches, their size and time. */
  writer: WriterFigures | null;
}

export interface BenchResults {
  profile: BenchProfile['name'];
  startedAt: string;
  durationMs: number;
  machine: Machine;
  setupMs: number;
  startup: StartupResult | null;
  chat: ChatRound[];
  fanout: { listeners: number; parley: FanoutResult; wsRelay: FanoutResult }[];
  staffOnline: StaffOnlineResult | null;
  connections: { parley: ConnectionsResult; wsRelay: ConnectionsResult } | null;
  widget: WidgetResult | null;
  /** PostgreSQL only (null on PGlite): two instances restarted in turn under chat. */
  restart: RestartSummary | null;
  widgetRender: WidgetRenderResult | null;
  /** Webhook deliveries to a local receiver, beside the receiver's own rate. */
  webhooks: WebhooksResult | null;
  /** Attachment upload and download throughput beside the database's own write rate, and peak JS memory growth during an upload. */
  attachments: AttachmentsResult | null;
  /** Idle sockets and chats at fixed Poisson rates, beside the bare ws relay under the same load. */
  openLoop: OpenLoopResult | null;
  /** PostgreSQL only (null on PGlite): 2 and 3 instances, cross-instance delivery on each bus, and each bus's ceiling. */
  instances: InstancesResult | null;
  errors: { scenario: string; message: string }[];
}

export const SCENARIOS = ['startup', 'chat', 'fanout', 'staff-online', 'connections', 'widget', 'widget-render', 'restart', 'webhooks', 'attachments', 'open-loop', 'instances'] as const;
export type Scenario = (typeof SCENARIOS)[number];

export interface SuiteOptions {
  /** Run only these scenarios (all by default). */
  only?: Scenario[];
  /** Extra node flags for the server under test (e.g. --cpu-prof). */
  serverNodeFlags?: string[];
  log?: (line: string) => void;
}

interface World {
  server: ParleyServer;
  api: ParleyApi;
  admin: StaffSession;
  members: StaffSession[];
  customers: CustomerSession[];
  wsRelay: Relay;
  sioRelay: Relay;
}

const perMessage = (d: DbCounters, n: number): DbCounters => {
  const r = (v: number) => Math.round((v / Math.max(1, n)) * 100) / 100;
  return { commits: r(d.commits), inserted: r(d.inserted), updated: r(d.updated), fetched: r(d.fetched), returned: r(d.returned) };
};

async function chatRound(w: World, p: BenchProfile, pairs: number, messagesPerSide: number): Promise<ChatRound> {
  const load = { pairs, messagesPerSide, timeCapMs: p.chatTimeCapMs };
  const dbUrl = w.server.database.url;
  // pg_stat_database counts only what idle backends have flushed, which they do within 10 s; so the
  // counters are read after 11 s of quiet on each side of the measured phase.
  let before: DbCounters | null = null;
  let after: DbCounters | null = null;
  const read = async () => (await sleep(11000), await dbCounters(dbUrl!));
  const measured = dbUrl && p.dbCounters ? { before: async () => void (before = await read()), after: async () => void (after = await read()) } : undefined;
  const writerBefore = await readWriterSums([w.server.url]);
  const parley = await runChat(parleyTransport({ api: w.api, members: w.members, customers: w.customers, serverPid: w.server.child.pid }), { ...load, measured });
  const writer = writerFigures(writerBefore, await readWriterSums([w.server.url]));
  const wsRelay = await runChat(wsRelayTransport(w.wsRelay.wsUrl, w.wsRelay.child.pid), load);
  const socketIo = await runChat(socketIoTransport(w.sioRelay.url, w.sioRelay.child.pid), load);
  const messages = pairs * 2 * messagesPerSide;
  const { insert, statement } = await measureDatabase(messages, pairs, Math.min(p.insertConcurrency, pairs * 2));
  return { pairs, messages, parley, wsRelay, socketIo, insert, statement, dbPerMessage: before && after ? perMessage(counterDelta(before, after), parley.acked) : null, writer };
}

const ticketKey = (f: ServerFrame) => (f.type === 'ticket_created' ? f.ticket.description : null);

async function fanoutRound(w: World, p: BenchProfile, listeners: number) {
  const staff = await mapPool(listeners, 32, (i) => openStaffSocket(w.api.wsUrl, w.api.origin, w.members[i].cookie, loopbackSource(i)));
  let parley: FanoutResult;
  try {
    parley = await measureFanout('parley', staff, ticketKey, (key) => w.api.createTicket(w.customers[0], key), p.fanoutEvents);
  } finally {
    staff.forEach((s) => s.close());
  }
  const relayed = await mapPool(listeners + 1, 32, (i) => openCustomerSocket(w.wsRelay.wsUrl, CUSTOMER_ORIGIN, `t${i}`, loopbackSource(i)));
  const sender = relayed.pop()!;
  try {
    const wsRelay = await measureFanout('ws relay', relayed, ticketKey, async (key) => sender.send({ type: 'broadcast', frame: { type: 'ticket_created', ticket: sampleTicket(key) } }), p.fanoutEvents);
    return { listeners, parley, wsRelay };
  } finally {
    [...relayed, sender].forEach((s) => s.close());
  }
}

/**
 * On a fresh server and a fresh relay: memory per socket is only meaningful against a process whose
 * heap was not already grown by the other scenarios.
 */
async function connectionsRound(p: BenchProfile, nodeFlags: string[] = []) {
  // Both processes run with --inspect so memory is read after a forced full GC (see lib/inspector.ts).
  const serverInspect = await Inspector.flag();
  const server = await startParley({ nodeFlags: [...nodeFlags, serverInspect.flag] });
  let parley: ConnectionsResult;
  try {
    const api = new ParleyApi(server.url);
    const admin = await api.login(server.admin.email, server.admin.password);
    const site = await api.createSite(admin, 'Bench connections', [CUSTOMER_ORIGIN]);
    // Visitors share tokens across sockets (a visitor with many tabs); the server sees each socket on its own.
    const customers = await mapPool(Math.min(100, p.connections.at(-1)!), 8, (i) => api.visitor(site.key, i));
    const token = (i: number) => customers[i % customers.length].token;
    const inspector = await Inspector.attach(serverInspect.port);
    try {
      parley = await measureConnections('parley', () => inspector.measure(server.child), (i) => openCustomerSocket(api.wsUrl, CUSTOMER_ORIGIN, token(i), loopbackSource(i)), p.connections, p.connectionsTimeCapMs, p.settleMs);
    } finally {
      inspector.close();
    }
  } finally {
    await server.close();
  }
  const relayInspect = await Inspector.flag();
  const relay = await startRelay('ws', [relayInspect.flag]);
  const inspector = await Inspector.attach(relayInspect.port);
  try {
    const wsRelay = await measureConnections('ws relay', () => inspector.measure(relay.child), (i) => openCustomerSocket(relay.wsUrl, CUSTOMER_ORIGIN, `t${i}`, loopbackSource(i)), p.connections, p.connectionsTimeCapMs, p.settleMs);
    return { parley, wsRelay };
  } finally {
    inspector.close();
    await relay.close();
  }
}

async function widgetRound(w: World, p: BenchProfile): Promise<WidgetResult> {
  // The host page's origin is only known once it listens, so its site is registered after.
  let siteKey = '';
  const host = await serveHostPage(w.server.url, () => siteKey);
  try {
    siteKey = (await w.api.createSite(w.admin, 'Bench host page', [host.origin])).key;
    return await measureWidget(host, w.server.url, p.widgetRuns);
  } finally {
    await host.close();
  }
}

async function widgetRenderRound(w: World, p: BenchProfile): Promise<WidgetRenderResult> {
  let siteKey = '';
  const host = await serveHostPage(w.server.url, () => siteKey);
  try {
    siteKey = (await w.api.createSite(w.admin, 'Bench rendering', [host.origin, CUSTOMER_ORIGIN])).key;
    const customer = await w.api.visitor(siteKey, 0);
    return await measureWidgetRender(w.api, customer, w.members[0]!, siteKey, host.withWidget, host.withoutWidget, p.name === 'smoke' ? 20 : 500);
  } finally {
    await host.close();
  }
}

/** Two instances on one fresh PostgreSQL database behind a balancer, each restarted in turn while pairs chat. */
async function restartRound(p: BenchProfile, log: (line: string) => void): Promise<RestartSummary> {
  const db = await createTempDatabase(process.env.DATABASE_URL!, 'restart');
  try {
    const [a, b, balancerPort] = [await freePort(), await freePort(), await freePort()];
    const result = await runRollingRestart({
      ports: [a, b],
      balancerPort,
      start: (port) => startParley({ databaseUrl: db.url, port, env: { PARLEY_PUBLIC_URL: `http://127.0.0.1:${balancerPort}` } }).then((s) => ({ stop: s.close })),
      admin: ADMIN,
      ...p.restart,
      drainCapMs: 30000,
      log,
    });
    return summarizeRestart(result);
  } finally {
    await db.drop();
  }
}

/** Runs every scenario of the profile; a failing scenario is recorded and the others still run. */
export async function runSuite(p: BenchProfile, opts: SuiteOptions = {}): Promise<BenchResults> {
  const log = opts.log ?? (() => {});
  const started = performance.now();
  const results: BenchResults = {
    profile: p.name,
    startedAt: new Date().toISOString(),
    durationMs: 0,
    machine: await describeMachine(),
    setupMs: 0,
    startup: null,
    chat: [],
    fanout: [],
    staffOnline: null,
    connections: null,
    widget: null,
    widgetRender: null,
    restart: null,
    webhooks: null,
    attachments: null,
    openLoop: null,
    instances: null,
    errors: [],
  };
  const attempt = async (scenario: string, run: () => Promise<void>) => {
    const t = performance.now();
    log(`- ${scenario}`);
    try {
      await run();
      log(`  done in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    } catch (err) {
      results.errors.push({ scenario, message: (err as Error).stack ?? String(err) });
      log(`  failed: ${(err as Error).message}`);
    }
  };

  const want = (scenario: Scenario) => !opts.only || opts.only.includes(scenario);
  if (want('startup')) await attempt('startup', async () => void (results.startup = await measureStartup(p.settleMs, p.npmStart)));

  const server = await startParley({ nodeFlags: opts.serverNodeFlags });
  const relays = await Promise.all([startRelay('ws'), startRelay('socketio')]);
  try {
    const setupStarted = performance.now();
    const api = new ParleyApi(server.url);
    const admin = await api.login(server.admin.email, server.admin.password);
    const site = await api.createSite(admin, 'Bench site', [CUSTOMER_ORIGIN]);
    const people = Math.max(1, ...(want('chat') ? p.chat.map((c) => c.pairs) : []), ...(want('fanout') ? p.fanout : []), want('staff-online') ? p.staffOnline : 0);
    log(`- setup: ${people} members and ${people} customers`);
    const members = await api.createMembers(admin, people, `bench-${Date.now().toString(36)}`);
    const customers = await mapPool(people, 8, (i) => api.visitor(site.key, i));
    results.setupMs = Math.round(performance.now() - setupStarted);
    log(`  done in ${(results.setupMs / 1000).toFixed(1)} s`);
    const world: World = { server, api, admin, members, customers, wsRelay: relays[0], sioRelay: relays[1] };

    for (const c of want('chat') ? p.chat : []) await attempt(`chat, ${c.pairs} pairs`, async () => void results.chat.push(await chatRound(world, p, c.pairs, c.messagesPerSide)));
    for (const n of want('fanout') ? p.fanout : []) await attempt(`fan-out to ${n} members`, async () => void results.fanout.push(await fanoutRound(world, p, n)));
    if (want('staff-online')) {
      await attempt('members coming online', async () => {
        const n = p.staffOnline;
        results.staffOnline = await measureStaffOnline(
          (i) => openStaffSocket(api.wsUrl, api.origin, members[i].cookie, loopbackSource(i)),
          (i) => openCustomerSocket(api.wsUrl, CUSTOMER_ORIGIN, customers[i].token, loopbackSource(i + 1)),
          n,
          n,
          p.settleMs,
        );
      });
    }
    if (want('widget')) await attempt('widget', async () => void (results.widget = await widgetRound(world, p)));
    if (want('widget-render')) await attempt('widget rendering', async () => void (results.widgetRender = await widgetRenderRound(world, p)));
  } finally {
    await Promise.all([server.close(), ...relays.map((r) => r.close())]);
  }
  if (want('connections')) await attempt('connections', async () => void (results.connections = await connectionsRound(p, opts.serverNodeFlags)));
  if (want('webhooks')) await attempt('webhooks', async () => void (results.webhooks = await measureWebhooks(p.webhooks.tickets, p.webhooks.perTicket, p.webhooks.capMs)));
  if (want('attachments')) await attempt('attachments', async () => void (results.attachments = await measureAttachments(p.attachments.sizeMb, p.attachments.files)));
  if (want('open-loop')) await attempt('open loop', async () => void (results.openLoop = await measureOpenLoop(p.openLoop, opts.serverNodeFlags ?? [], log)));
  if (want('instances') && process.env.DATABASE_URL) await attempt('instances', async () => void (results.instances = await measureInstances(p.instances, process.env.DATABASE_URL!, log)));
  if (want('restart') && process.env.DATABASE_URL) await attempt('rolling restart', async () => void (results.restart = await restartRound(p, log)));
  closeHttpAgents();
  results.durationMs = Math.round(performance.now() - started);
  return results;
}
