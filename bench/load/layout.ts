/** Lays sockets out over load workers: chats grouped by member (both sides of a chat in one worker), idle sockets apart. */
import { loopbackSource } from '../lib/pool.ts';
import type { SocketSpec, WorkerPlan } from './plan.ts';

export type Endpoint = Omit<SocketSpec, 'source'>;

export interface ChatLayout {
  ticketId: string;
  /** Index into the members. */
  member: number;
  customer: Endpoint;
  cross: boolean;
}

export interface Layout {
  members: Endpoint[];
  chats: ChatLayout[];
  idle: Endpoint[];
}

/** Idle sockets per worker process: well under the 20,000 files one process may open here. */
const IDLE_PER_WORKER = 12000;

export function planWorkers(layout: Layout, chatWorkers: number, openConcurrency = 32): { chat: WorkerPlan[]; idle: WorkerPlan[] } {
  let address = 0;
  const at = (e: Endpoint): SocketSpec => ({ ...e, source: loopbackSource(address++) });
  const workers = Math.max(1, Math.min(chatWorkers, layout.members.length));
  const chat: WorkerPlan[] = Array.from({ length: workers }, (_, w) => {
    const members = layout.members.map((m, i) => ({ m, i })).filter(({ i }) => i % workers === w);
    const local = new Map(members.map(({ i }, k) => [i, k]));
    const chats = layout.chats.filter((c) => local.has(c.member));
    return {
      idle: [],
      members: members.map(({ m }) => at(m)),
      customers: chats.map((c) => at(c.customer)),
      chats: chats.map((c) => ({ ticketId: c.ticketId, member: local.get(c.member)!, cross: c.cross })),
      openConcurrency,
    };
  });
  const idle: WorkerPlan[] = [];
  for (let from = 0; from < layout.idle.length; from += IDLE_PER_WORKER) {
    idle.push({ idle: layout.idle.slice(from, from + IDLE_PER_WORKER).map(at), members: [], customers: [], chats: [], openConcurrency: 64 });
  }
  return { chat, idle };
}
