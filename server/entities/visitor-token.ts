import { defineEntity, p } from '@mikro-orm/core';
import { Customer } from './customer.ts';

/** A widget credential. The id is the SHA-256 of the token; the token itself is only ever sent to its owner. */
const VisitorTokenSchema = defineEntity({
  name: 'VisitorToken',
  tableName: 'visitor_tokens',
  properties: {
    id: p.string().primary(),
    customer: () => p.manyToOne(Customer).deleteRule('cascade'),
    createdAt: p.datetime().onCreate(() => new Date()),
    /** Set for a token a resume link made: it reaches this one ticket only. */
    ticketId: p.uuid().nullable(),
  },
});

export class VisitorToken extends VisitorTokenSchema.class {}
VisitorTokenSchema.setClass(VisitorToken);
