/** What the parent tells an open-loop load worker (bench/load/worker.ts) to hold and do, and what it reports. */

/** One socket to open: a widget-like customer (`auth {token}`) or a console-like member (session cookie at the upgrade). */
export interface SocketSpec {
  wsUrl: string;
  origin: string;
  token?: string;
  cookie?: string;
  /** Loopback source address (see loopbackSource). */
  source: string;
}

export interface ChatSpec {
  ticketId: string;
  /** Index into the plan's members: that socket serves this chat (it joins many tickets). */
  member: number;
  /** The member's socket is on another instance than the customer's. */
  cross: boolean;
}

export interface WorkerPlan {
  /** Idle authenticated sockets: opened, then only held. */
  idle: SocketSpec[];
  members: SocketSpec[];
  /** One customer socket per chat (customers[i] is chats[i]'s). */
  customers: SocketSpec[];
  chats: ChatSpec[];
  openConcurrency: number;
}

export interface RunSpec {
  /** This worker's share of the combined rate, messages per second (Poisson arrivals). */
  rate: number;
  windowMs: number;
  /** After the window, how long to wait for the last deliveries. */
  drainCapMs: number;
}

export interface OpenReport {
  idle: number;
  idleFailed: number;
  members: number;
  customers: number;
  failed: number;
  firstError: string | null;
  openMs: number;
}

export interface RunReport {
  sent: number;
  delivered: number;
  /** Refused by the server (`error` frames naming a message). */
  errors: number;
  /** Sent but not delivered by the end of the drain. */
  undelivered: number;
  /** Of those, on chats that cross instances. */
  undeliveredCross: number;
  /** Send → delivered to the other side, ms; split by whether the chat crosses instances. */
  sameMs: number[];
  crossMs: number[];
  /** How late each send went out against its Poisson schedule (the generator's own lag). */
  lagMs: number[];
  /** Messages sent and not yet delivered, sampled every 500 ms through the window. */
  outstanding: number[];
  /** From the window's end to the last delivery (or the drain cap). */
  drainMs: number;
  windowMs: number;
  /** This worker's CPU time during the window and drain. */
  cpuMs: number;
  /** Sockets of the plan that closed during the run. */
  closed: number;
}

export type WorkerRequest = { id: number } & ({ cmd: 'open'; plan: WorkerPlan } | { cmd: 'run'; run: RunSpec } | { cmd: 'close' });
export type WorkerReply = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: string };
