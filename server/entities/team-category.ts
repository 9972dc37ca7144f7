import { defineEntity, p } from '@mikro-orm/core';
import { Team } from './team.ts';

/** A category routed to a team; the category is the key, so it can belong to one team only. */
const TeamCategorySchema = defineEntity({
  name: 'TeamCategory',
  tableName: 'team_categories',
  properties: {
    category: p.string().primary(),
    team: () => p.manyToOne(Team).deleteRule('cascade').index(),
  },
});

export class TeamCategory extends TeamCategorySchema.class {}
TeamCategorySchema.setClass(TeamCategory);
