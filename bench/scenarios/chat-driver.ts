import { summarize, perSecond, type Latency } from '../lib/stats.ts';
import { mapPool } from '../lib/pool.ts';

/** What a transport reports back for one side of a pair. */
export interface SideHooks {
  /** The server acknowledged (for Parley: stored) one of this side's messages. */
  ack(clientId: string): void;
  /** This side received a message (its own echoes are ignored by the driver). */
  message(clientId: string): void;
  /** The server refused one of this side's frames. */
  error(ref: string | undefined): void;
}

export interface ChatSide {
  send(clientId: string, body: string): void;
  close(): void;
}

/** A transport opens pair `index`: two sides joined to one room (a ticket), wired to the hooks. */
export interface ChatTransport {
  name: string;
  /** Creates what `pairs` pairs need (tickets, accounts) before any socket opens. */
  prepare?(pairs: number): Promise<void>;
  openPair(index: number, hooks: [SideHooks, SideHooks]): Promise<[ChatSide, ChatSide]>;
  /** Closes whatever `prepare` opened, even after a failure. */
  dispose?(): void;
  /** Server process CPU time so far, when it runs in a child process. */
  serverCpuMs?(): Promise<number>;
}

export interface ChatLoad {
  pairs: number;
  /** Messages each side sends (one in flight at a time per side: the next goes on its ack). */
  messagesPerSide: number;
  /** Hard cap for the measured phase. */
  timeCapMs: number;
  /** Parallel pair set-up (tickets, logins, sockets). */
  setupConcurrency?: number;
  /** Called right before the first message and right after the last (e.g. to read database counters). */
  measured?: { before(): Promise<void>; after(): Promise<void> };
}

export interface ChatResult {
  transport: string;
  pairs: number;
  sent: number;
  acked: number;
  delivered: number;
  errors: number;
  durationMs: number;
  ackedPerSec: number;
  deliveredPerSec: number;
  /** send -> the other side receives it */
  latencyMs: Latency;
  /** send -> the sender's ack */
  ackMs: Latency;
  /** Server CPU time per acknowledged message, when known. */
  serverCpuMsPerMessage: number | null;
  /** This load generator's CPU time per acknowledged message (it shares the machine with the server). */
  clientCpuMsPerMessage: number;
  timedOut: boolean;
}

const body = (pair: number, i: number) => `Hello from pair ${pair}, message ${i}: the order #${1000 + i} has not arrived yet.`;

/**
 * Drives N pairs chatting: both sides send `messagesPerSide` messages, each after the previous ack
 * (a person does not type faster than the server answers), and times every delivery.
 */
export async function runChat(transport: ChatTransport, load: ChatLoad): Promise<ChatResult> {
  const sentAt = new Map<string, number>();
  const latencies: number[] = [];
  const ackTimes: number[] = [];
  let acked = 0;
  let delivered = 0;
  let errors = 0;
  let sent = 0;
  const expected = load.pairs * 2 * load.messagesPerSide;
  let finish: () => void = () => {};
  const done = new Promise<void>((resolve) => (finish = resolve));
  const check = () => {
    if (acked + errors >= expected && delivered >= acked) finish();
  };

  const sides: ChatSide[][] = [];
  const remaining: number[][] = [];
  const sendNext = (p: number, s: number) => {
    if (remaining[p][s] === 0) return;
    const i = load.messagesPerSide - remaining[p][s]--;
    const clientId = `${p}-${s}-${i}`;
    sentAt.set(clientId, performance.now());
    sent++;
    sides[p][s].send(clientId, body(p, i));
  };
  const hooksFor = (p: number, s: number): SideHooks => ({
    ack(clientId) {
      const t = sentAt.get(clientId);
      if (t === undefined || !clientId.startsWith(`${p}-${s}-`)) return;
      ackTimes.push(performance.now() - t);
      acked++;
      sendNext(p, s);
      check();
    },
    message(clientId) {
      if (!clientId.startsWith(`${p}-${1 - s}-`)) return; // own echo, or a stranger's
      const t = sentAt.get(clientId);
      if (t === undefined) return;
      latencies.push(performance.now() - t);
      delivered++;
      check();
    },
    error() {
      errors++;
      sendNext(p, s);
      check();
    },
  });

  const cpuMs = async () => (transport.serverCpuMs ? await transport.serverCpuMs() : null);
  let cpuBefore: number | null = null;
  let cpuAfter: number | null = null;
  let durationMs = 0;
  let clientBefore: NodeJS.CpuUsage | undefined;
  let clientUsed: NodeJS.CpuUsage = { user: 0, system: 0 };
  let timedOut = false;
  try {
    await transport.prepare?.(load.pairs);
    await mapPool(load.pairs, load.setupConcurrency ?? 20, async (p) => {
      remaining[p] = [load.messagesPerSide, load.messagesPerSide];
      sides[p] = await transport.openPair(p, [hooksFor(p, 0), hooksFor(p, 1)]);
    });
    await load.measured?.before();
    cpuBefore = await cpuMs();
    clientBefore = process.cpuUsage();
    const started = performance.now();
    const cap = setTimeout(() => {
      timedOut = true;
      finish();
    }, load.timeCapMs);
    for (let p = 0; p < load.pairs; p++) {
      sendNext(p, 0);
      sendNext(p, 1);
    }
    await done;
    clearTimeout(cap);
    durationMs = performance.now() - started;
    clientUsed = process.cpuUsage(clientBefore);
    cpuAfter = await cpuMs();
    await load.measured?.after();
  } finally {
    // Customers leave first, so staff going offline does not announce presence to them.
    for (const s of [0, 1]) for (const pair of sides) pair?.[s].close();
    transport.dispose?.();
  }

  return {
    transport: transport.name,
    pairs: load.pairs,
    sent,
    acked,
    delivered,
    errors,
    durationMs: Math.round(durationMs),
    ackedPerSec: perSecond(acked, durationMs),
    deliveredPerSec: perSecond(delivered, durationMs),
    latencyMs: summarize(latencies),
    ackMs: summarize(ackTimes),
    serverCpuMsPerMessage: cpuBefore !== null && cpuAfter !== null && acked > 0 ? Math.round(((cpuAfter - cpuBefore) / acked) * 1000) / 1000 : null,
    clientCpuMsPerMessage: acked > 0 ? Math.round(((clientUsed.user + clientUsed.system) / 1000 / acked) * 1000) / 1000 : 0,
    timedOut,
  };
}
