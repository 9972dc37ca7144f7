import { defineEntity, p } from '@mikro-orm/core';
import { baseProperties } from './base.ts';

const UserSchema = defineEntity({
  name: 'User',
  tableName: 'users',
  properties: {
    ...baseProperties,
    email: p.string().unique(),
    name: p.string(),
    role: p.string(),
    passwordHash: p.string().hidden(),
    active: p.boolean().default(true),
  },
});

export class User extends UserSchema.class {}
UserSchema.setClass(User);
