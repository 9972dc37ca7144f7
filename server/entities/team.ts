import { defineEntity, p } from '@mikro-orm/core';
import { baseProperties } from './base.ts';

const TeamSchema = defineEntity({
  name: 'Team',
  tableName: 'teams',
  properties: {
    ...baseProperties,
    name: p.string().unique(),
  },
});

export class Team extends TeamSchema.class {}
TeamSchema.setClass(Team);
