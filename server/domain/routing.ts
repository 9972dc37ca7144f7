import type { MemberStatus } from '../../protocol/index.ts';

/** A member as routing sees them: availability, capacity, current load (assigned, not closed) and when routing last gave them a ticket. */
export interface Candidate {
  id: string;
  status: MemberStatus;
  capacity: number;
  load: number;
  /** Epoch ms of the last assignment; null when never assigned (goes first). */
  lastAssignedAt: number | null;
}

/** A team as routing sees it: who is in it and which categories go to it. */
export interface TeamRoute {
  id: string;
  memberIds: readonly string[];
  categories: readonly string[];
}

/** An open ticket on an auto-routed site, waiting for an assignee. */
export interface WaitingTicket {
  id: string;
  category: string;
  /** Epoch ms; the queue is oldest first. */
  createdAt: number;
}

export interface Assignment {
  ticketId: string;
  memberId: string;
}

/** The team a category routes to, or null when no team takes it (then anyone may). */
export function teamOf(teams: readonly TeamRoute[], category: string): TeamRoute | null {
  return teams.find((t) => t.categories.includes(category)) ?? null;
}

/** Below capacity: one more ticket keeps them within it. */
export const hasRoom = (c: Pick<Candidate, 'load' | 'capacity'>): boolean => c.load < c.capacity;

/** May routing give this member one more ticket? Online and below capacity; away and offline members get none. */
export const isAvailable = (c: Candidate): boolean => c.status === 'online' && hasRoom(c);

/** Who a transfer would go to, as the rule sees them; null when no staff user has that id. */
export interface TransferTarget {
  name: string;
  active: boolean;
  capacity: number;
  load: number;
}

/**
 * Why `target` may not take a transferred ticket, or null when they may. The target must be an active
 * staff member with room: a transfer puts work on someone who did not ask for it, so it keeps to
 * the capacity they were given, like routing does (their status does not matter: a hand-over to a
 * colleague who is away is a normal thing to do, and they find it when they are back).
 */
export function transferRefusal(target: TransferTarget | null): { code: 'bad_request' | 'invalid_state'; message: string } | null {
  if (!target || !target.active) return { code: 'bad_request', message: 'userId must be an active member' };
  if (!hasRoom(target)) return { code: 'invalid_state', message: `${target.name} is at capacity (${target.load} of ${target.capacity} tickets)` };
  return null;
}

/** Least recently assigned first; never-assigned before anyone; ties by id so every instance decides alike. */
function fairer(a: Candidate, b: Candidate): number {
  if (a.lastAssignedAt !== b.lastAssignedAt) {
    if (a.lastAssignedAt === null) return -1;
    if (b.lastAssignedAt === null) return 1;
    return a.lastAssignedAt - b.lastAssignedAt;
  }
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Who gets a ticket: an available member of its team (of anyone, when `team` is null), least recently assigned first. */
export function chooseAssignee(candidates: readonly Candidate[], team: TeamRoute | null): Candidate | null {
  let best: Candidate | null = null;
  for (const c of candidates) {
    if (!isAvailable(c) || (team && !team.memberIds.includes(c.id))) continue;
    if (!best || fairer(c, best) < 0) best = c;
  }
  return best;
}

const byAge = (a: WaitingTicket, b: WaitingTicket) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * Plans one routing round: waiting tickets oldest first, each given to `chooseAssignee`; every
 * assignment counts against that member's capacity and makes them the most recently assigned, so
 * a burst spreads over the team. Pure: the caller locks, re-counts the loads, and applies the plan.
 */
export function planAssignments(
  waiting: readonly WaitingTicket[], candidates: readonly Candidate[], teams: readonly TeamRoute[], now: number,
): { assignments: Assignment[]; stillWaiting: WaitingTicket[] } {
  const pool = candidates.map((c) => ({ ...c }));
  const assignments: Assignment[] = [];
  const stillWaiting: WaitingTicket[] = [];
  let tick = 0;
  for (const ticket of [...waiting].sort(byAge)) {
    const chosen = chooseAssignee(pool, teamOf(teams, ticket.category));
    if (!chosen) {
      stillWaiting.push(ticket);
      continue;
    }
    chosen.load++;
    chosen.lastAssignedAt = now + tick++;
    assignments.push({ ticketId: ticket.id, memberId: chosen.id });
  }
  return { assignments, stillWaiting };
}

/** Place in the queue (1 = next): among the tickets waiting for the same team (or for anyone), oldest first. */
export function queuePositions(waiting: readonly WaitingTicket[], teams: readonly TeamRoute[]): Map<string, number> {
  const perPool = new Map<string, number>();
  const out = new Map<string, number>();
  for (const ticket of [...waiting].sort(byAge)) {
    const key = teamOf(teams, ticket.category)?.id ?? '';
    const n = (perPool.get(key) ?? 0) + 1;
    perPool.set(key, n);
    out.set(ticket.id, n);
  }
  return out;
}
