import { defineEntity, p } from '@mikro-orm/core';
import { baseProperties } from './base.ts';
import { Ticket } from './ticket.ts';

/**
 * A chat message or, with `internal`, a staff-only note. (ticket, internal, seq) orders it: notes have
 * their own numbering, so the customer's messages stay gapless. (ticket, clientId) makes a resend idempotent.
 */
const MessageSchema = defineEntity({
  name: 'Message',
  tableName: 'messages',
  uniques: [{ properties: ['ticket', 'internal', 'seq'] }, { properties: ['ticket', 'clientId'] }],
  properties: {
    ...baseProperties,
    ticket: () => p.manyToOne(Ticket).deleteRule('cascade'),
    seq: p.integer(),
    clientId: p.string(),
    authorKind: p.string(),
    authorId: p.string(),
    authorName: p.string().nullable(),
    body: p.text(),
    internal: p.boolean().default(false),
    /** For a note: the public seq it follows in the timeline. */
    afterSeq: p.integer().nullable(),
  },
});

export class Message extends MessageSchema.class {}
MessageSchema.setClass(Message);
