import * as v from 'valibot';
import { LIMITS } from '../limits.ts';
import { CustomerAttributes, VisitorContext } from './customers.ts';
import { optional, text } from './text.ts';
import { EDGE_LIMITS } from './limits.ts';

/** What a site owner passes for a logged-in customer. */
export const Identity = v.object({
  id: text(EDGE_LIMITS.identityId, { description: "the customer's id on the site owner's side" }),
  email: optional(text(LIMITS.email)),
  name: optional(text(LIMITS.name)),
  hash: text(EDGE_LIMITS.hash, { description: 'hex HMAC-SHA256(site secret, id), or of `v2:${id}:${expiresAt}` when expiresAt is given' }),
  expiresAt: optional(v.pipe(
    v.number('must be unix seconds'),
    v.safeInteger('must be unix seconds'),
    v.description('unix seconds; part of the signed text and must be in the future'),
  )),
  attributes: optional(CustomerAttributes),
}, 'must be a JSON object');

/** `POST /api/visitor` */
export const VisitorRequest = v.object({
  siteKey: text(EDGE_LIMITS.siteKey, { description: "the site's public key (data-site)" }),
  visitorToken: optional(text(EDGE_LIMITS.identityId, { description: 'the token from an earlier answer, to resume that visitor' })),
  identity: optional(Identity),
  /** The `parley_resume` token of a mailed link: a visitor token for that one ticket. */
  resumeToken: optional(text(EDGE_LIMITS.identityId, { description: "a resume link's token (?parley_resume=)" })),
  /** The page and browser the widget runs in (staff see it; the server adds the user agent). */
  context: optional(VisitorContext),
}, 'must be a JSON object');
