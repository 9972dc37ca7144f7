import * as v from 'valibot';
import { INTEGRATION_LIMITS, SCOPES, WEBHOOK_EVENTS } from '../integrations.ts';
import { flag, optional, text } from './text.ts';

/** `POST /api/tokens` */
export const NewApiTokenBody = v.object({
  name: text(INTEGRATION_LIMITS.tokenName),
  scopes: v.pipe(
    v.array(v.picklist(SCOPES, `must name only these scopes: ${SCOPES.join(', ')}`), 'must be an array of scopes'),
    v.minLength(1, 'must name at least one scope'),
    v.maxLength(SCOPES.length * 2, `has more than ${SCOPES.length * 2} entries`),
    v.transform((list) => [...new Set(list)]),
    v.description('what the token may do'),
  ),
}, 'must be a JSON object');

/** A webhook target: http(s), no credentials in it (deliveries are verified by their signature); stored normalised. */
const WebhookUrl = v.pipe(
  text(INTEGRATION_LIMITS.url),
  v.check((s: string) => URL.canParse(s), 'is not a valid URL'),
  v.check((s: string) => /^https?:$/.test(new URL(s).protocol), 'must be http or https'),
  v.check((s: string) => !new URL(s).username && !new URL(s).password, 'must not carry credentials; verify deliveries by their signature'),
  v.transform((s: string) => new URL(s).toString()),
  v.description('where deliveries are POSTed; private, loopback and link-local targets are refused unless PARLEY_WEBHOOK_ALLOW_PRIVATE=1'),
);
const WebhookEvents = v.pipe(
  v.array(v.picklist(WEBHOOK_EVENTS, `must name only these events: ${WEBHOOK_EVENTS.join(', ')}`), 'must be an array of events'),
  v.minLength(1, 'must name at least one event'),
  v.maxLength(WEBHOOK_EVENTS.length * 2, `has more than ${WEBHOOK_EVENTS.length * 2} entries`),
  v.transform((list) => [...new Set(list)]),
);
const WebhookSecret = text(INTEGRATION_LIMITS.secret.max, { min: INTEGRATION_LIMITS.secret.min, trim: false, description: 'signs every delivery; generated when absent' });

/** `POST /api/webhooks` */
export const NewWebhookBody = v.object({
  url: WebhookUrl, events: WebhookEvents, secret: optional(WebhookSecret), active: optional(flag('false pauses deliveries')),
}, 'must be a JSON object');

/** `PATCH /api/webhooks/:id` */
export const WebhookPatch = v.object({
  url: optional(WebhookUrl), events: optional(WebhookEvents), active: optional(flag('false pauses deliveries')),
}, 'must be a JSON object');

/** `POST /api/webhooks/:id/rotate-secret` */
export const RotateWebhookSecretBody = v.object({ secret: optional(WebhookSecret) }, 'must be a JSON object');
