import { normalizeLabels, type Ticket as WireTicket } from '../../protocol/index.ts';
import type { Database } from '../db/orm.ts';
import { canView, isStaff, type Actor } from '../domain/index.ts';
import { Ticket } from '../entities/index.ts';
import { badRequest, forbidden, notFound } from '../errors.ts';
import { isUuid } from '../input.ts';
import type { Bus } from '../realtime/bus.ts';
import { updateTicket } from './ticket-updates.ts';
import { factsOf } from './tickets.ts';

/** Labels on tickets: staff who may see a ticket may label it; every change is broadcast as `ticket_updated` and sent as the `ticket.updated` webhook. */
export class LabelService {
  private readonly db: Database;
  private readonly bus: Bus;
  constructor(db: Database, bus: Bus) {
    this.db = db;
    this.bus = bus;
  }

  /** Replaces the ticket's labels (PUT semantics: the same set twice changes nothing and broadcasts once). */
  async set(actor: Actor, ticketId: string, input: readonly string[]): Promise<WireTicket> {
    if (!isStaff(actor)) throw forbidden('only support staff label tickets');
    const checked = normalizeLabels(input);
    if (!checked.ok) throw badRequest(checked.message);
    const em = this.db.em();
    const ticket = isUuid(ticketId) ? await em.findOne(Ticket, { id: ticketId }, { populate: ['customer', 'assignee'] }) : null;
    // Identity rules concern customers; staff visibility does not depend on them.
    if (!ticket || !canView(actor, factsOf(ticket, false))) throw notFound('ticket');
    const { ticket: wire } = await updateTicket(this.db, this.bus, ticket.id, (t) => {
      if (JSON.stringify(t.labels ?? []) === JSON.stringify(checked.labels)) return false;
      t.labels = checked.labels;
      return true;
    });
    return wire;
  }

  /** Labels on any ticket, most used first, for autocomplete. */
  async inUse(limit = 200): Promise<string[]> {
    const rows = await this.db.sql<{ label: string }>(
      `select label from tickets, jsonb_array_elements_text(labels) as label group by label order by count(*) desc, label limit ?`,
      [limit],
    );
    return rows.map((r) => r.label);
  }
}
