import * as v from 'valibot';
import { LIMITS } from '../limits.ts';
import { ROUTING_MODES } from '../routing.ts';
import { flag, oneOf, optional, text, textList } from './text.ts';
import { EDGE_LIMITS } from './limits.ts';

const Origins = textList(EDGE_LIMITS.origins.items, EDGE_LIMITS.origins.length, 'origins allowed to embed the widget: scheme://host[:port]');
const Categories = textList(EDGE_LIMITS.categories.items, LIMITS.category, 'the categories the ticket form offers');
const RequireIdentity = flag('true: only customers vouched for by an identity hash may open tickets');
const Routing = oneOf(ROUTING_MODES, 'manual: members accept or reject; auto: new tickets go to an available member');

/** `POST /api/sites` */
export const NewSite = v.object({
  name: text(LIMITS.name),
  origins: Origins,
  categories: optional(Categories),
  requireIdentity: optional(RequireIdentity),
  routing: optional(Routing),
}, 'must be a JSON object');

/** `PATCH /api/sites/:id` */
export const SitePatch = v.object({
  name: optional(text(LIMITS.name)),
  origins: optional(Origins),
  categories: optional(Categories),
  requireIdentity: optional(RequireIdentity),
  routing: optional(Routing),
}, 'must be a JSON object');
