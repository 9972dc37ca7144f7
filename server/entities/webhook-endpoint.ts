import { defineEntity, p } from '@mikro-orm/core';
import { baseProperties } from './base.ts';

/**
 * A URL that receives signed event POSTs. After a rotation the previous secret keeps signing (as a
 * second `v1=`) until `previousSecretUntil`, so receivers can switch without dropping deliveries.
 */
const WebhookEndpointSchema = defineEntity({
  name: 'WebhookEndpoint',
  tableName: 'webhook_endpoints',
  properties: {
    ...baseProperties,
    url: p.text(),
    events: p.json<string[]>(),
    secret: p.string().hidden(),
    previousSecret: p.string().nullable().hidden(),
    previousSecretUntil: p.datetime().nullable(),
    active: p.boolean().default(true),
    failingSince: p.datetime().nullable(),
  },
});

export class WebhookEndpoint extends WebhookEndpointSchema.class {}
WebhookEndpointSchema.setClass(WebhookEndpoint);
