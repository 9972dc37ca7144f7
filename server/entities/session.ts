import { defineEntity, p } from '@mikro-orm/core';
import { User } from './user.ts';

/** A staff session. The id is the SHA-256 of the cookie value, so a database leak yields no usable cookie. */
const SessionSchema = defineEntity({
  name: 'Session',
  tableName: 'sessions',
  properties: {
    id: p.string().primary(),
    user: () => p.manyToOne(User).deleteRule('cascade'),
    createdAt: p.datetime().onCreate(() => new Date()),
    expiresAt: p.datetime(),
  },
});

export class Session extends SessionSchema.class {}
SessionSchema.setClass(Session);
