/** Routing: member availability, capacity, teams, and the waiting queue (DESIGN "Availability and routing"). */

export const MEMBER_STATUSES = ['online', 'away', 'offline'] as const;
export type MemberStatus = (typeof MEMBER_STATUSES)[number];

/** `manual`: the seed's accept/reject. `auto`: new tickets are assigned to an available member. */
export const ROUTING_MODES = ['manual', 'auto'] as const;
export type RoutingMode = (typeof ROUTING_MODES)[number];

export const ROUTING_LIMITS = {
  /** Tickets a member holds (assigned, not closed) unless an admin says otherwise. */
  defaultCapacity: 5,
  maxCapacity: 100,
  teamName: 80,
  teamMembers: 500,
  teamCategories: 30,
} as const;

/** A team on the wire: its members and the categories routed to it (a category belongs to at most one team). */
export interface Team {
  id: string;
  name: string;
  memberIds: string[];
  categories: string[];
  createdAt: string;
}

export interface TeamInput {
  name: string;
  memberIds: string[];
  categories: string[];
}

/** Server -> customer frame: the ticket's place among the tickets waiting for the same team (1 = next); null once it no longer waits. */
export interface QueueFrame {
  type: 'queue';
  ticketId: string;
  position: number | null;
}

/** `GET /api/tickets/:id/queue`. */
export interface QueuePosition {
  ticketId: string;
  position: number | null;
}

/** One member's load, for monitoring. */
export interface MemberLoad {
  id: string;
  name: string;
  status: MemberStatus;
  assigned: number;
  capacity: number;
}

/** Waiting tickets of one routing pool (a team, or `team: null` for categories without one). */
export interface QueueStats {
  team: { id: string; name: string } | null;
  waiting: number;
  /** Seconds the oldest waiting ticket has waited; null when none waits. */
  longestWaitSeconds: number | null;
}

export interface RoutingStats {
  members: MemberLoad[];
  /** Open tickets on auto-routed sites. */
  waiting: number;
  longestWaitSeconds: number | null;
  queues: QueueStats[];
}
