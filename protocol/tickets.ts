export const TICKET_STATUSES = ['open', 'assigned', 'rejected', 'closed'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

export const URGENCIES = ['low', 'medium', 'high', 'urgent'] as const;
export type Urgency = (typeof URGENCIES)[number];

/** Categories a site offers when it configures none. */
export const DEFAULT_CATEGORIES = ['General', 'Billing', 'Technical', 'Account'] as const;

/** Transitions by name; the server's state machine maps each to its target status. */
export const TICKET_ACTIONS = ['accept', 'reject', 'close', 'release'] as const;
export type TicketAction = (typeof TICKET_ACTIONS)[number];

export interface PersonRef {
  id: string;
  name?: string | null;
}

/** A ticket on the wire. Timestamps are ISO 8601 strings or null. */
export interface Ticket {
  id: string;
  siteId: string;
  customer: PersonRef;
  category: string;
  urgency: Urgency;
  description: string;
  status: TicketStatus;
  assignee: { id: string; name: string } | null;
  rejectReason: string | null;
  createdAt: string;
  acceptedAt: string | null;
  rejectedAt: string | null;
  closedAt: string | null;
  /** Labels staff put on the ticket (at most 10). */
  labels?: string[];
  /** Sequence number of the ticket's newest message (0 when none). */
  lastSeq: number;
  /** The requesting user's own read position in this ticket (0 when never read); lets clients count unread messages. */
  readSeq?: number;
}

/** One recorded transition, from the audit trail. `transfer`: the assignee changed, the status stayed `assigned`. */
export interface TicketEvent {
  id: string;
  ticketId: string;
  action: 'create' | TicketAction | 'transfer';
  from: TicketStatus | null;
  to: TicketStatus;
  actor: { kind: AuthorKind; id: string; name?: string | null };
  reason: string | null;
  at: string;
}

/** `POST /api/tickets`, inferred from its schema. */
export type NewTicket = import('valibot').InferOutput<typeof import('./schemas/tickets.ts').NewTicket>;

/** `integration`: an API token, shown as "via <token name>". */
export type AuthorKind = 'customer' | 'member' | 'admin' | 'system' | 'integration';
