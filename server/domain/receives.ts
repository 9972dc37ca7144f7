import type { TicketFacts } from '../../protocol/index.ts';
import type { Actor } from './actor.ts';
import { canView } from './lifecycle.ts';

/** An event as delivery sees it: its type, the ticket it is about (its facts after the change), and who caused it. */
export type Delivery =
  /** `before`: the facts just before the change, when it took the ticket from someone (a transfer), so they hear of it too. */
  | { type: 'ticket_created' | 'ticket_accepted' | 'ticket_rejected' | 'ticket_closed' | 'ticket_updated'; ticket: TicketFacts; before?: TicketFacts }
  /**
   * Room events. Without `ticket`, the socket's membership of the room stands for canView: joining
   * checks it, and every ticket event evicts the sockets that lost it (see `receives` on ticket events).
   */
  | { type: 'message'; ticket?: TicketFacts }
  /** An internal note (and anything that would tell of one): staff who may see the ticket, never a customer. */
  | { type: 'note'; ticket?: TicketFacts }
  /** A mention of `toId` in a note on this ticket. */
  | { type: 'mention'; ticket: TicketFacts; toId: string }
  | { type: 'typing' | 'read'; ticket?: TicketFacts; fromId: string }
  /** Without a ticket: the staff online, which customers are told; with one: who has that ticket open. */
  | { type: 'presence'; ticket?: TicketFacts };

/** Events every member hears of: the ticket was open just before, so visible to all staff. */
const STAFF_WIDE = new Set(['ticket_created', 'ticket_accepted', 'ticket_rejected']);

/**
 * Does `actor` receive this event? The one answer for every delivery path (live fan-out, room
 * relay, presence). Room events additionally need the socket to have joined the ticket.
 */
export function receives(actor: Actor, e: Delivery): boolean {
  switch (e.type) {
    case 'presence':
      return e.ticket ? canView(actor, e.ticket) : actor.kind === 'customer';
    case 'typing':
    case 'read':
      return actor.id !== e.fromId && (!e.ticket || canView(actor, e.ticket));
    case 'message':
      return !e.ticket || canView(actor, e.ticket);
    case 'note':
      return actor.kind !== 'customer' && (!e.ticket || canView(actor, e.ticket));
    case 'mention':
      return actor.kind === 'staff' && actor.id === e.toId && canView(actor, e.ticket);
    default:
      return (actor.kind === 'staff' && STAFF_WIDE.has(e.type)) || canView(actor, e.ticket) || (e.before !== undefined && canView(actor, e.before));
  }
}
