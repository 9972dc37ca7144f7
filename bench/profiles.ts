import type { InstancesOptions } from './scenarios/instances.ts';
import type { OpenLoopOptions } from './scenarios/open-loop.ts';

/** How big each scenario runs. `full` is `npm run bench`; `smoke` is the quick run inside `npm test`. */
export interface BenchProfile {
  name: 'full' | 'smoke';
  chat: { pairs: number; messagesPerSide: number }[];
  chatTimeCapMs: number;
  /** Connection levels, ascending; the top one is bounded by the open-file limit of one process here (20,000, hard). */
  connections: number[];
  connectionsTimeCapMs: number;
  fanout: number[];
  fanoutEvents: number;
  /** Members coming online while as many customers are connected. */
  staffOnline: number;
  widgetRuns: number;
  /** How long a server is left alone before its memory is read. */
  settleMs: number;
  /** Also time `npm start` as typed (it rebuilds dist/, so never inside `npm test`). */
  npmStart: boolean;
  /** PostgreSQL only: read pg_stat_database around the chat (costs a 10 s wait for the statistics flush). */
  dbCounters: boolean;
  /** Pool of connections for the database baseline (the server's own pool is of this order). */
  insertConcurrency: number;
  /** PostgreSQL only: two instances restarted in turn while this many pairs chat. */
  restart: { pairs: number; sendEveryMs: number; settleMs: number };
  /** message.created webhooks: this many tickets, each with this many messages sent one after another. */
  webhooks: { tickets: number; perTicket: number; capMs: number };
  /** Attachments: this many uploads and downloads of a file of this size (MB). */
  attachments: { sizeMb: number; files: number };
  /** Open loop: idle sockets, chats and members, messages at fixed Poisson rates (see scenarios/open-loop.ts). */
  openLoop: OpenLoopOptions;
  /** PostgreSQL only: 2 and 3 instances, customers on one and members on the others, on each bus (see scenarios/instances.ts). */
  instances: InstancesOptions;
}

export const FULL: BenchProfile = {
  name: 'full',
  chat: [
    { pairs: 10, messagesPerSide: 150 },
    { pairs: 100, messagesPerSide: 20 },
    { pairs: 1000, messagesPerSide: 3 },
  ],
  chatTimeCapMs: 60000,
  connections: [1000, 10000, 19000],
  connectionsTimeCapMs: 120000,
  fanout: [100, 1000],
  fanoutEvents: 20,
  staffOnline: 1000,
  widgetRuns: 5,
  settleMs: 2000,
  npmStart: true,
  dbCounters: true,
  insertConcurrency: 10,
  restart: { pairs: 50, sendEveryMs: 250, settleMs: 3000 },
  webhooks: { tickets: 50, perTicket: 40, capMs: 120000 },
  attachments: { sizeMb: 10, files: 5 },
  openLoop: { idle: 10000, idlePerVisitor: 10, chats: 1000, members: 50, rates: [200, 500, 1000], windowMs: 10000, drainCapMs: 5000, openCapMs: 240000, capMs: 300000, chatWorkers: 2 },
  instances: {
    counts: [2, 3], buses: ['notify', 'nats'], natsUrl: 'nats://127.0.0.1:4222', chats: 1000, members: 50,
    rates: [200, 500, 1000], ceilingRates: [1500, 2000, 3000, 4000, 6000], p99LimitMs: 100,
    windowMs: 8000, drainCapMs: 5000, openCapMs: 120000, capMs: 150000, chatWorkers: 2,
  },
};

export const SMOKE: BenchProfile = {
  name: 'smoke',
  chat: [{ pairs: 2, messagesPerSide: 3 }],
  chatTimeCapMs: 10000,
  connections: [10],
  connectionsTimeCapMs: 10000,
  fanout: [3],
  fanoutEvents: 2,
  staffOnline: 3,
  widgetRuns: 1,
  settleMs: 200,
  npmStart: false,
  dbCounters: false,
  insertConcurrency: 2,
  restart: { pairs: 2, sendEveryMs: 200, settleMs: 500 },
  webhooks: { tickets: 2, perTicket: 3, capMs: 20000 },
  attachments: { sizeMb: 1, files: 1 },
  openLoop: { idle: 20, idlePerVisitor: 10, chats: 4, members: 2, rates: [20], windowMs: 1000, drainCapMs: 3000, openCapMs: 30000, capMs: 30000, chatWorkers: 2 },
  instances: {
    counts: [2], buses: ['notify', 'nats'], natsUrl: 'nats://127.0.0.1:4222', chats: 4, members: 2,
    rates: [20], ceilingRates: [], p99LimitMs: 100_000, windowMs: 1000, drainCapMs: 3000, openCapMs: 30000, capMs: 30000, chatWorkers: 2,
  },
};
