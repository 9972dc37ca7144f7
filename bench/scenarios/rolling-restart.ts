// A rolling restart while people chat: several instances behind a load balancer, chatting pairs on
// the shared client (protocol/client: its resume and outbox, as the widget and console use them),
// each instance in turn stopped with SIGTERM and started again. It records what every side sent,
// saw and got as errors, and how long each client was without a socket.
import { WebSocket as WsSocket } from 'ws';
import type { Message, Ticket } from '../../protocol/index.ts';
import { Outbox, RealtimeSocket, TicketSubscription } from '../../protocol/client/index.ts';
import { ApiClient } from '../../server/testing/api.ts';
import { startBalancer } from '../../server/testing/balancer.ts';
import { sleep } from '../lib/pool.ts';
import { summarize, type Latency } from '../lib/stats.ts';

export interface Instance {
  stop(): Promise<void>;
}

export interface RestartOptions {
  /** Ports of the instances, and one for the balancer in front (the instances' public URL). */
  ports: number[];
  balancerPort: number;
  /** Starts (or starts again) the instance on `port`, resolving once it is ready. */
  start(port: number): Promise<Instance>;
  admin: { email: string; password: string };
  pairs: number;
  /** Each side sends one message this often. */
  sendEveryMs: number;
  /** Chat before the first restart and after each one. */
  settleMs: number;
  /** Bound on waiting for the last messages after the restarts. */
  drainCapMs: number;
  log?: (line: string) => void;
}

export interface SideRecord {
  sent: string[];
  /** clientIds of the other side's messages as this side's subscription delivered them, in order. */
  seen: { seq: number; clientId: string }[];
  errors: string[];
  readies: number;
  gapsMs: number[];
  /** Outbox items never acknowledged. */
  unsent: number;
}

export interface PairRecord {
  ticketId: string;
  customer: SideRecord;
  member: SideRecord;
  stored: Message[];
}

export interface RestartResult {
  instances: number;
  pairs: number;
  restartMs: number[];
  records: PairRecord[];
  sent: number;
  stored: number;
  clientErrors: number;
  reconnects: number;
  /** Time without a socket per reconnect: from the close to `ready` on the next connection. */
  gap: Latency;
}

interface Side {
  socket: RealtimeSocket;
  outbox: Outbox;
  record: SideRecord;
  send(body: string): void;
}

export async function runRollingRestart(o: RestartOptions): Promise<RestartResult> {
  const log = o.log ?? (() => {});
  const instances = new Map<number, Instance>();
  await Promise.all(o.ports.map(async (port) => instances.set(port, await o.start(port))));
  const balancer = await startBalancer(o.balancerPort, o.ports);
  const base = balancer.url;
  // Browsers send Origin and cookies by themselves; here each socket's URL names its headers.
  const headers = new Map<string, Record<string, string>>();
  const native = globalThis.WebSocket;
  globalThis.WebSocket = class extends WsSocket {
    constructor(url: string) {
      super(url, { headers: headers.get(new URL(url).searchParams.get('client') ?? '') ?? {} });
      // A refused upgrade (503 while an instance stops) is an `error` event then a close, as in a browser.
      this.on('error', () => {});
    }
  } as unknown as typeof WebSocket;
  const sides: Side[] = [];
  try {
    const admin = await ApiClient.staff(base, o.admin.email, o.admin.password);
    const origin = 'http://shop.restart.test';
    const site = (await admin.post('/api/sites', { name: 'Restart', origins: [origin] })).body;
    const pairs: { ticket: Ticket; customer: Side; member: Side }[] = [];
    for (let i = 0; i < o.pairs; i++) {
      const email = `restart-${i}-${Date.now()}@example.test`;
      await admin.post('/api/users', { email, name: `Member ${i}`, password: 'member-password-1', role: 'member' });
      const member = await ApiClient.staff(base, email, 'member-password-1');
      const customer = await ApiClient.visitor(base, site.key, origin);
      const ticket = (await customer.post('/api/tickets', { category: 'General', urgency: 'low', description: `restart ${i}` })).body as Ticket;
      await member.post(`/api/tickets/${ticket.id}/accept`);
      headers.set(`c${i}`, { origin });
      headers.set(`m${i}`, { origin: base, cookie: member.cookie });
      const wsUrl = (id: string) => `${base.replace(/^http/, 'ws')}/ws?client=${id}`;
      pairs.push({
        ticket,
        customer: side(new RealtimeSocket(wsUrl(`c${i}`), { auth: () => customer.token }), ticket.id),
        member: side(new RealtimeSocket(wsUrl(`m${i}`)), ticket.id),
      });
    }
    for (const p of pairs) sides.push(p.customer, p.member);
    for (const s of sides) s.socket.connect();
    await until(() => sides.every((s) => s.socket.state === 'open'), 20000, 'every socket open');

    let n = 0;
    const chat = setInterval(() => {
      n++;
      for (const p of pairs) {
        p.customer.send(`customer-${n}`);
        p.member.send(`member-${n}`);
      }
    }, o.sendEveryMs);

    const restartMs: number[] = [];
    await sleep(o.settleMs);
    for (const port of o.ports) {
      const started = performance.now();
      await instances.get(port)!.stop();
      instances.set(port, await o.start(port));
      restartMs.push(performance.now() - started);
      log(`  restarted the instance on port ${port} in ${Math.round(restartMs.at(-1)!)} ms`);
      await sleep(o.settleMs);
    }
    clearInterval(chat);

    // Everything written must now be stored and seen by the other side.
    const sentBy = (s: Side) => new Set(s.record.sent);
    await until(() => pairs.every((p) => p.customer.outbox.items.length === 0 && p.member.outbox.items.length === 0
      && p.member.record.seen.filter((m) => sentBy(p.customer).has(m.clientId)).length >= p.customer.record.sent.length
      && p.customer.record.seen.filter((m) => sentBy(p.member).has(m.clientId)).length >= p.member.record.sent.length), o.drainCapMs, 'the last messages').catch((err) => log(`  ${err.message}`));

    const records: PairRecord[] = [];
    for (const p of pairs) {
      for (const s of [p.customer, p.member]) s.record.unsent = s.outbox.items.length;
      records.push({ ticketId: p.ticket.id, customer: p.customer.record, member: p.member.record, stored: await allMessages(admin, p.ticket.id) });
    }
    const all = sides.map((s) => s.record);
    return {
      instances: o.ports.length,
      pairs: o.pairs,
      restartMs,
      records,
      sent: all.reduce((t, r) => t + r.sent.length, 0),
      stored: records.reduce((t, r) => t + r.stored.length, 0),
      clientErrors: all.reduce((t, r) => t + r.errors.length, 0),
      reconnects: all.reduce((t, r) => t + r.readies - 1, 0),
      gap: summarize(all.flatMap((r) => r.gapsMs)),
    };
  } finally {
    for (const s of sides) s.socket.close();
    globalThis.WebSocket = native;
    await balancer.close();
    await Promise.all([...instances.values()].map((i) => i.stop()));
  }
}

/** One participant: a socket, its outbox and its subscription to the pair's ticket, recording as it goes. */
function side(socket: RealtimeSocket, ticketId: string): Side {
  const record: SideRecord = { sent: [], seen: [], errors: [], readies: 0, gapsMs: [], unsent: 0 };
  const outbox = new Outbox(socket);
  const own = new Set<string>();
  const sub = new TicketSubscription(socket, ticketId, {
    message: (m) => {
      outbox.delivered(m);
      if (!own.has(m.clientId)) record.seen.push({ seq: m.seq, clientId: m.clientId });
    },
  });
  outbox.onSent((m) => sub.receive(m));
  const failed = new Set<string>();
  outbox.onChange((items) => {
    for (const item of items) {
      if (item.state !== 'failed' || failed.has(item.clientId)) continue;
      failed.add(item.clientId);
      record.errors.push(`outbox: ${item.error ?? 'failed'}`);
    }
  });
  socket.on('error', (f) => record.errors.push(`${f.code}: ${f.message}`));
  let closedAt: number | null = null;
  socket.onState((state) => {
    if (state === 'closed' && closedAt === null && record.readies > 0) closedAt = performance.now();
    if (state === 'open') {
      record.readies++;
      if (closedAt !== null) record.gapsMs.push(performance.now() - closedAt);
      closedAt = null;
    }
  });
  const send = (body: string) => {
    const { clientId } = outbox.send(ticketId, body);
    own.add(clientId);
    record.sent.push(clientId);
  };
  return { socket, outbox, record, send };
}

async function allMessages(api: ApiClient, ticketId: string): Promise<Message[]> {
  const out: Message[] = [];
  for (;;) {
    const page = (await api.get(`/api/tickets/${ticketId}/messages?after=${out.at(-1)?.seq ?? 0}&limit=200`)).body as { messages: Message[]; hasMore: boolean };
    out.push(...page.messages);
    if (!page.hasMore) return out;
  }
}

async function until(check: () => boolean, ms: number, what: string): Promise<void> {
  const deadline = performance.now() + ms;
  while (!check()) {
    if (performance.now() > deadline) throw new Error(`gave up waiting for ${what} after ${ms} ms`);
    await sleep(20);
  }
}

/** What the bench keeps of a run: counts of everything that went wrong (all zero when nothing did), and the gaps. */
export interface RestartSummary {
  instances: number;
  pairs: number;
  restartMs: number[];
  sent: number;
  stored: number;
  /** Sent and never stored. */
  lost: number;
  /** Stored more than once. */
  duplicated: number;
  /** Sides whose messages were stored in another order than written. */
  misordered: number;
  /** Messages the other side's client never delivered. */
  undelivered: number;
  clientErrors: number;
  reconnects: number;
  gap: Latency;
}

export function summarizeRestart(r: RestartResult): RestartSummary {
  let lost = 0;
  let duplicated = 0;
  let misordered = 0;
  let undelivered = 0;
  for (const p of r.records) {
    const ids = p.stored.map((m) => m.clientId);
    duplicated += ids.length - new Set(ids).size;
    for (const [side, other] of [[p.customer, p.member], [p.member, p.customer]] as const) {
      const mine = new Set(side.sent);
      lost += side.sent.filter((id) => !ids.includes(id)).length;
      if (ids.filter((id) => mine.has(id)).join() !== side.sent.filter((id) => ids.includes(id)).join()) misordered++;
      const seen = new Set(other.seen.map((m) => m.clientId));
      undelivered += side.sent.filter((id) => !seen.has(id)).length;
    }
  }
  return {
    instances: r.instances, pairs: r.pairs, restartMs: r.restartMs.map(Math.round), sent: r.sent, stored: r.stored,
    lost, duplicated, misordered, undelivered, clientErrors: r.clientErrors, reconnects: r.reconnects, gap: r.gap,
  };
}
