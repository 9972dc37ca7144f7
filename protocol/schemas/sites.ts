import * as v from 'valibot';
import { LIMITS } from '../limits.ts';
import { flag, optional, text, textList } from './text.ts';
import { EDGE_LIMITS } from './limits.ts';

const Origins = textList(EDGE_LIMITS.origins.items, EDGE_LIMITS.origins.length, 'origins allowed to embed the widget: scheme://host[:port]');
const Categories = textList(EDGE_LIMITS.categories.items, LIMITS.category, 'the categories the ticket form offers');
const RequireIdentity = flag('true: only customers vouched for by an identity hash may open tickets');

/** `POST /api/sites` */
export const NewSite = v.object({
  name: text(LIMITS.name),
  origins: Origins,
  categories: optional(Categories),
  requireIdentity: optional(RequireIdentity),
}, 'must be a JSON object');

/** `PATCH /api/sites/:id` */
export const SitePatch = v.object({
  name: optional(text(LIMITS.name)),
  origins: optional(Origins),
  categories: optional(Categories),
  requireIdentity: optional(RequireIdentity),
}, 'must be a JSON object');
