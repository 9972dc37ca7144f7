import { defineEntity, p } from '@mikro-orm/core';
import { baseProperties } from './base.ts';
import { WebhookEndpoint } from './webhook-endpoint.ts';

/**
 * The outbox and the delivery log in one: a row per event and endpoint, written in the transaction
 * of the event itself. `seq` orders a ticket's events; `leaseUntil` marks a row a worker is sending.
 * Message events carry `messageId` and render their body from the (immutable) message row.
 */
const WebhookDeliverySchema = defineEntity({
  name: 'WebhookDelivery',
  tableName: 'webhook_deliveries',
  indexes: [{ properties: ['state', 'nextAttemptAt'] }, { properties: ['endpoint', 'ticketId', 'seq'] }],
  properties: {
    ...baseProperties,
    seq: p.bigint().autoincrement(false),
    endpoint: () => p.manyToOne(WebhookEndpoint).deleteRule('cascade'),
    eventId: p.uuid(),
    type: p.string(),
    ticketId: p.uuid().nullable(),
    messageId: p.uuid().nullable(),
    data: p.json<unknown>().nullable(),
    state: p.string(),
    attempts: p.integer().default(0),
    /** The retry window runs from here: the event, or the admin's redelivery. */
    startedAt: p.datetime(),
    nextAttemptAt: p.datetime().nullable(),
    leaseUntil: p.datetime().nullable(),
    lastAttemptAt: p.datetime().nullable(),
    responseStatus: p.integer().nullable(),
    durationMs: p.integer().nullable(),
    response: p.text().nullable(),
  },
});

export class WebhookDelivery extends WebhookDeliverySchema.class {}
WebhookDeliverySchema.setClass(WebhookDelivery);
