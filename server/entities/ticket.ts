import { defineEntity, p } from '@mikro-orm/core';
import { TICKET_STATUSES, URGENCIES } from '../../protocol/tickets.ts';
import { baseProperties } from './base.ts';
import { Customer } from './customer.ts';
import { Site } from './site.ts';
import { User } from './user.ts';

const TicketSchema = defineEntity({
  name: 'Ticket',
  tableName: 'tickets',
  uniques: [{ properties: ['customer', 'clientId'] }],
  indexes: [{ properties: ['status', 'createdAt'] }],
  properties: {
    ...baseProperties,
    site: () => p.manyToOne(Site).deleteRule('cascade'),
    customer: () => p.manyToOne(Customer).deleteRule('cascade').index(),
    category: p.string(),
    urgency: p.enum(URGENCIES),
    description: p.text(),
    status: p.enum(TICKET_STATUSES),
    assignee: () => p.manyToOne(User).nullable().index(),
    rejectReason: p.text().nullable(),
    clientId: p.string().nullable(),
    acceptedAt: p.datetime().nullable(),
    rejectedAt: p.datetime().nullable(),
    closedAt: p.datetime().nullable(),
    firstResponseAt: p.datetime().nullable(),
    lastSeq: p.integer().default(0),
    /** The last internal note's number (notes are numbered apart from the public messages). */
    lastNoteSeq: p.integer().default(0),
    labels: p.json<string[]>().onCreate(() => []),
  },
});

export class Ticket extends TicketSchema.class {}
TicketSchema.setClass(Ticket);
