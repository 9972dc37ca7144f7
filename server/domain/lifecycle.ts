import type { TicketAction, TicketStatus } from '../../protocol/index.ts';
import { hasScope, type Actor } from './actor.ts';

/** The facts about a ticket that the rules look at. */
export interface TicketFacts {
  status: TicketStatus;
  customerId: string;
  siteId: string;
  assigneeId: string | null;
}

export type Verdict = { ok: true } | { ok: false; code: 'forbidden' | 'invalid_state'; message: string };

const OK: Verdict = { ok: true };
const forbidden = (message: string): Verdict => ({ ok: false, code: 'forbidden', message });
const invalid = (message: string): Verdict => ({ ok: false, code: 'invalid_state', message });

/** open → assigned (accept) · open → rejected (reject) · assigned → closed (close). Rejected and closed are final. */
export const TRANSITIONS: Record<TicketAction, { from: TicketStatus; to: TicketStatus }> = {
  accept: { from: 'open', to: 'assigned' },
  reject: { from: 'open', to: 'rejected' },
  close: { from: 'assigned', to: 'closed' },
};

export const isFinal = (status: TicketStatus): boolean => status === 'rejected' || status === 'closed';

/** May `actor` perform `action` on this ticket now? Role first (403), then state (409). */
export function canTransition(actor: Actor, ticket: TicketFacts, action: TicketAction): Verdict {
  if (actor.kind === 'integration') {
    if (!hasScope(actor, 'tickets:write')) return forbidden('this token lacks the tickets:write scope');
    // An assignee is a member who chats; a token cannot be one.
    if (action === 'accept') return forbidden('an API token cannot accept a ticket; a member must');
  } else if (actor.kind !== 'staff') {
    return forbidden('only support staff can change a ticket');
  } else if (action === 'close' && actor.role !== 'admin' && ticket.assigneeId !== actor.id && ticket.status === 'assigned') {
    return forbidden('only the assignee or an admin can close this ticket');
  }
  const { from } = TRANSITIONS[action];
  if (ticket.status !== from) return invalid(`cannot ${action} a ticket that is ${ticket.status}`);
  return OK;
}

/** May `actor` see this ticket (read it, its history, join its room)? */
export function canView(actor: Actor, ticket: TicketFacts): boolean {
  if (actor.kind === 'customer') return ticket.customerId === actor.id && ticket.siteId === actor.siteId;
  // A token that may read tickets or messages reads them across the instance, as an admin does.
  if (actor.kind === 'integration') return (['tickets:read', 'tickets:write', 'messages:read', 'messages:write'] as const).some((s) => hasScope(actor, s));
  if (actor.role === 'admin') return true;
  return ticket.status === 'open' || ticket.assigneeId === actor.id;
}

/** May `actor` post a message to this ticket? Chat exists only while assigned, between its customer and its assignee (or an admin). */
export function canSend(actor: Actor, ticket: TicketFacts): Verdict {
  if (!canView(actor, ticket)) return forbidden('you cannot see this ticket');
  if (actor.kind === 'integration' && !hasScope(actor, 'messages:write')) return forbidden('this token lacks the messages:write scope');
  if (actor.kind === 'staff' && actor.role !== 'admin' && ticket.assigneeId !== actor.id) {
    return forbidden('only the assignee can write on this ticket');
  }
  if (ticket.status !== 'assigned') {
    return invalid(ticket.status === 'open' ? 'the ticket is not assigned yet' : `the ticket is ${ticket.status}; chat is closed`);
  }
  return OK;
}
