import { defineEntity, p } from '@mikro-orm/core';
import { baseProperties } from './base.ts';
import { Ticket } from './ticket.ts';

/** A chat message; (ticket, seq) orders it, (ticket, clientId) makes a resend idempotent. */
const MessageSchema = defineEntity({
  name: 'Message',
  tableName: 'messages',
  uniques: [{ properties: ['ticket', 'seq'] }, { properties: ['ticket', 'clientId'] }],
  properties: {
    ...baseProperties,
    ticket: () => p.manyToOne(Ticket).deleteRule('cascade'),
    seq: p.integer(),
    clientId: p.string(),
    authorKind: p.string(),
    authorId: p.string(),
    authorName: p.string().nullable(),
    body: p.text(),
  },
});

export class Message extends MessageSchema.class {}
MessageSchema.setClass(Message);
