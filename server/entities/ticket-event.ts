import { defineEntity, p } from '@mikro-orm/core';
import { TICKET_STATUSES } from '../../protocol/tickets.ts';
import { Ticket } from './ticket.ts';
import { baseProperties } from './base.ts';

/** Audit trail: one row per lifecycle transition, with who and when. */
const TicketEventSchema = defineEntity({
  name: 'TicketEvent',
  tableName: 'ticket_events',
  properties: {
    ...baseProperties,
    ticket: () => p.manyToOne(Ticket).deleteRule('cascade').index(),
    action: p.string(),
    fromStatus: p.enum(TICKET_STATUSES).nullable(),
    toStatus: p.enum(TICKET_STATUSES),
    actorKind: p.string(),
    actorId: p.string(),
    actorName: p.string().nullable(),
    reason: p.text().nullable(),
  },
});

export class TicketEvent extends TicketEventSchema.class {}
TicketEventSchema.setClass(TicketEvent);
