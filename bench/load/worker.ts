/**
 * An open-loop load worker: a child process of the bench (bench/load/workers.ts starts it) that holds
 * a share of the sockets and sends at a fixed Poisson rate without waiting for acks, timing each
 * message from its send to its arrival on the other side of the chat. Both sides of a chat live in
 * the same worker, so both timestamps come from one clock. Commands arrive over IPC (plan.ts).
 */
import type { ServerFrame } from '../../protocol/index.ts';
import { FrameSocket, openCustomerSocket, openStaffSocket } from '../lib/frame-socket.ts';
import { mapPool, sleep } from '../lib/pool.ts';
import type { OpenReport, RunReport, RunSpec, SocketSpec, WorkerPlan, WorkerRequest } from './plan.ts';

const send = process.send!.bind(process);

const open = (s: SocketSpec): Promise<FrameSocket> =>
  s.cookie ? openStaffSocket(s.wsUrl, s.origin, s.cookie, s.source) : openCustomerSocket(s.wsUrl, s.origin, s.token!, s.source);

let plan: WorkerPlan;
const idle: FrameSocket[] = [];
const members: FrameSocket[] = [];
const customers: FrameSocket[] = [];

interface Pending {
  at: number;
  /** 0: the customer sent it, 1: the member. */
  side: 0 | 1;
  cross: boolean;
}
// Messages in flight of the current run, by clientId.
let pending = new Map<string, Pending>();
let run: { sameMs: number[]; crossMs: number[]; delivered: number; errors: number } | null = null;

function arrived(clientId: string, receiver: 0 | 1): void {
  const p = pending.get(clientId);
  // The sender's own echo (another of its sockets) or a stranger's: not a delivery to the other side.
  if (!p || p.side === receiver || !run) return;
  pending.delete(clientId);
  (p.cross ? run.crossMs : run.sameMs).push(performance.now() - p.at);
  run.delivered++;
}

function refused(ref: string | undefined): void {
  if (!ref || !pending.delete(ref) || !run) return;
  run.errors++;
}

const onFrame = (receiver: 0 | 1) => (f: ServerFrame) => {
  if (f.type === 'message') arrived(f.message.clientId, receiver);
  else if (f.type === 'error') refused(f.ref);
};

async function openAll(p: WorkerPlan): Promise<OpenReport> {
  plan = p;
  const started = performance.now();
  let failed = 0;
  let idleFailed = 0;
  let firstError: string | null = null;
  const attempt = async (spec: SocketSpec, into: FrameSocket[], onFail: () => void) => {
    try {
      into.push(await open(spec));
    } catch (err) {
      onFail();
      firstError ??= (err as Error).message;
    }
  };
  // Idle sockets that fail are reported (the level held is the figure); the chats' sockets must all open.
  await mapPool(p.idle.length, p.openConcurrency, (i) => attempt(p.idle[i], idle, () => idleFailed++));
  for (const s of idle) s.onFrame = () => {};
  // Members first (a shift already on), then their customers; each side joins its tickets.
  const opened = async (specs: SocketSpec[], into: FrameSocket[]) => {
    const slots: FrameSocket[][] = specs.map(() => []);
    await mapPool(specs.length, p.openConcurrency, (i) => attempt(specs[i], slots[i], () => failed++));
    slots.forEach((s, i) => (into[i] = s[0]));
  };
  await opened(p.members, members);
  await opened(p.customers, customers);
  const report = () => ({ idle: idle.length, idleFailed, members: members.filter(Boolean).length, customers: customers.filter(Boolean).length, failed, firstError, openMs: performance.now() - started });
  if (failed) return report();
  await mapPool(p.chats.length, p.openConcurrency, async (i) => {
    const { ticketId, member } = p.chats[i];
    await Promise.all([customers[i], members[member]].map((s) => s.request({ type: 'join', ticketId, ref: `join-${ticketId}` }, 30000)));
  });
  members.forEach((s) => (s.onFrame = onFrame(1)));
  customers.forEach((s) => (s.onFrame = onFrame(0)));
  return report();
}

const body = (chat: number, k: number) => `Hello from chat ${chat}, message ${k}: the order #${1000 + (k % 9000)} has not arrived yet.`;
let counter = 0;
// clientIds must be new to the server: a repeated one is a resend, acked and never delivered again
// (and configurations of one scenario reuse the same tickets).
const nonce = Math.random().toString(36).slice(2, 8);

async function runLoad(spec: RunSpec): Promise<RunReport> {
  pending = new Map();
  run = { sameMs: [], crossMs: [], delivered: 0, errors: 0 };
  const r = run;
  const lagMs: number[] = [];
  const outstanding: number[] = [];
  let sent = 0;
  const cpuBefore = process.cpuUsage();
  const start = performance.now();
  const end = start + spec.windowMs;
  // Exponential inter-arrival times: a Poisson process of `rate` per second.
  const gap = () => (-Math.log(1 - Math.random()) * 1000) / spec.rate;
  let next = start + gap();
  const sendOne = (scheduled: number) => {
    const c = Math.floor(Math.random() * plan.chats.length);
    const side: 0 | 1 = Math.random() < 0.5 ? 0 : 1;
    const clientId = `${nonce}.${c}.${side}.${counter++}`;
    const { ticketId, member, cross } = plan.chats[c];
    const socket = side === 0 ? customers[c] : members[member];
    const now = performance.now();
    lagMs.push(now - scheduled);
    pending.set(clientId, { at: now, side, cross });
    socket.send({ type: 'message', ticketId, clientId, body: body(c, counter), ref: clientId });
    sent++;
  };
  const sampler = setInterval(() => outstanding.push(pending.size), 500);
  await new Promise<void>((resolve) => {
    const tick = () => {
      const now = performance.now();
      while (next <= now && next < end) {
        sendOne(next);
        next += gap();
      }
      if (next >= end) return resolve();
      // Timers fire about a millisecond late at best; the lag is recorded, not hidden.
      setTimeout(tick, Math.max(0, next - performance.now() - 0.5));
    };
    tick();
  });
  clearInterval(sampler);
  const windowEnd = performance.now();
  while (pending.size > 0 && performance.now() - windowEnd < spec.drainCapMs) await sleep(5);
  const drainMs = performance.now() - windowEnd;
  const cpu = process.cpuUsage(cpuBefore);
  const undelivered = pending.size;
  const undeliveredCross = [...pending.values()].filter((p) => p.cross).length;
  if (process.env.BENCH_LOAD_DEBUG) for (const [id, p] of pending) console.error(`undelivered ${id} side ${p.side} cross ${p.cross} sent at +${Math.round(p.at - start)} ms`);
  run = null;
  pending = new Map();
  const closed = [...members, ...customers, ...idle].filter((s) => s.ws.readyState !== s.ws.OPEN).length;
  return { sent, delivered: r.delivered, errors: r.errors, undelivered, undeliveredCross, sameMs: r.sameMs, crossMs: r.crossMs, lagMs, outstanding, drainMs, windowMs: windowEnd - start, cpuMs: (cpu.user + cpu.system) / 1000, closed };
}

process.on('message', async (req: WorkerRequest) => {
  try {
    let value: unknown = null;
    if (req.cmd === 'open') value = await openAll(req.plan);
    else if (req.cmd === 'run') value = await runLoad(req.run);
    else {
      for (const s of [...customers, ...members, ...idle]) s?.close();
      send({ id: req.id, ok: true, value: null }, () => process.exit(0));
      return;
    }
    send({ id: req.id, ok: true, value });
  } catch (err) {
    send({ id: req.id, ok: false, error: (err as Error).stack ?? String(err) });
  }
});
// The parent going away must not leave sockets behind.
process.on('disconnect', () => process.exit(0));
