import { defineEntity, p } from '@mikro-orm/core';

/** How far each participant has read a ticket; drives read receipts and unread counts. */
const TicketReadSchema = defineEntity({
  name: 'TicketRead',
  tableName: 'ticket_reads',
  properties: {
    ticketId: p.uuid().primary(),
    readerId: p.uuid().primary(),
    readerKind: p.string(),
    seq: p.integer(),
    updatedAt: p.datetime().onCreate(() => new Date()),
  },
});

export class TicketRead extends TicketReadSchema.class {}
TicketReadSchema.setClass(TicketRead);
