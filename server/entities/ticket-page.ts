import { defineEntity, p } from '@mikro-orm/core';

/** The page a ticket was opened on (the customer's page at the time), for staff. */
const TicketPageSchema = defineEntity({
  name: 'TicketPage',
  tableName: 'ticket_pages',
  properties: {
    ticketId: p.uuid().primary(),
    url: p.text(),
    title: p.text().nullable(),
  },
});

export class TicketPage extends TicketPageSchema.class {}
TicketPageSchema.setClass(TicketPage);
