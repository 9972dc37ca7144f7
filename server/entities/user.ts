import { defineEntity, p } from '@mikro-orm/core';
import { MEMBER_STATUSES } from '../../protocol/routing.ts';
import { ROLES } from '../../protocol/users.ts';
import { baseProperties } from './base.ts';

const UserSchema = defineEntity({
  name: 'User',
  tableName: 'users',
  properties: {
    ...baseProperties,
    email: p.string().unique(),
    name: p.string(),
    role: p.enum(ROLES),
    passwordHash: p.string().hidden(),
    active: p.boolean().default(true),
    // Routing: availability (statusAuto: set by the server on disconnect/reconnect, not by the member) and capacity.
    status: p.enum(MEMBER_STATUSES).default('offline'),
    statusAuto: p.boolean().default(true),
    capacity: p.integer().default(5),
    lastAssignedAt: p.datetime().nullable(),
    // Mail a new ticket to this member when no member is online (their opt-in).
    mailNewTickets: p.boolean().default(false),
    mailCustomerReplies: p.boolean().default(false),
  },
});

export class User extends UserSchema.class {}
UserSchema.setClass(User);
