import * as v from 'valibot';
import { LIMITS } from '../limits.ts';
import { ROUTING_LIMITS } from '../routing.ts';
import { optional, text, textList } from './text.ts';

const Name = text(ROUTING_LIMITS.teamName);
const MemberIds = textList(ROUTING_LIMITS.teamMembers, 64, "the members' user ids");
const Categories = textList(ROUTING_LIMITS.teamCategories, LIMITS.category, 'categories routed to this team (each to one team at most)');

/** `POST /api/teams` */
export const NewTeam = v.object({ name: Name, memberIds: MemberIds, categories: Categories }, 'must be a JSON object');

/** `PATCH /api/teams/:id` */
export const TeamPatch = v.object({ name: optional(Name), memberIds: optional(MemberIds), categories: optional(Categories) }, 'must be a JSON object');
