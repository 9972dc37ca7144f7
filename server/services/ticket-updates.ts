import type { EntityManager } from '@mikro-orm/core';
import type { Ticket as WireTicket } from '../../protocol/index.ts';
import type { Database } from '../db/orm.ts';
import { Ticket } from '../entities/index.ts';
import type { Bus } from '../realtime/bus.ts';
import { ticketToWire } from './serialize.ts';
import { enqueueWebhook } from './webhooks.ts';

/**
 * The one way a ticket change that is no lifecycle transition (labels, a transfer, a release) is
 * committed and told. `change` edits the ticket inside a transaction and says whether it changed
 * anything; if so, the `ticket.updated` webhook deliveries commit with it and `ticket_updated` is
 * broadcast after the commit. Whatever goes through here reaches sockets and webhooks alike.
 */
export async function updateTicket(
  db: Database, bus: Bus, ticketId: string, change: (ticket: Ticket, em: EntityManager) => boolean | Promise<boolean>,
): Promise<{ ticket: WireTicket; changed: boolean }> {
  const result = await db.em().transactional(async (em) => {
    const ticket = await em.findOneOrFail(Ticket, { id: ticketId }, { populate: ['customer', 'assignee'] });
    const changed = await change(ticket, em);
    if (changed) await em.flush();
    const wire = ticketToWire(ticket);
    if (changed) await enqueueWebhook(em, 'ticket.updated', wire.id, { ticket: wire });
    return { ticket: wire, changed };
  });
  if (result.changed) bus.publish({ t: 'ticket', type: 'ticket_updated', ticketId: result.ticket.id, customerId: result.ticket.customer.id, ticket: result.ticket });
  return result;
}
