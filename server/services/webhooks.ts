import { randomBytes, randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/sql';
import { CompiledQuery } from 'kysely';
import {
  INTEGRATION_LIMITS, type DeliveryState, type WebhookDelivery as WireDelivery, type WebhookEndpoint as WireEndpoint,
  type WebhookEndpointWithSecret, type WebhookEventType,
} from '../../protocol/index.ts';
import type { Database } from '../db/orm.ts';
import { WebhookEndpoint } from '../entities/index.ts';
import { AppError, notFound } from '../errors.ts';
import { isUuid } from '../input.ts';

const iso = (d: Date | string | null | undefined) => (d ? new Date(d).toISOString() : null);

const endpointToWire = (e: WebhookEndpoint): WireEndpoint => ({
  id: e.id,
  url: e.url,
  events: e.events as WebhookEventType[],
  active: e.active,
  failingSince: iso(e.failingSince),
  createdAt: iso(e.createdAt)!,
});

/** How long the previous secret keeps signing after a rotation. */
const ROTATION_GRACE_MS = 24 * 3600_000;

export interface EndpointInput { url?: string; events?: WebhookEventType[]; secret?: string; active?: boolean }

const COLUMNS = 'id, endpoint_id, event_id, type, ticket_id, message_id, data, state, attempts, started_at, next_attempt_at, last_attempt_at, response_status, duration_ms, response, created_at, seq';

export interface DeliveryRow {
  id: string; endpoint_id: string; event_id: string; type: WebhookEventType; ticket_id: string | null; message_id: string | null;
  data: unknown; state: DeliveryState; attempts: number; started_at: Date; next_attempt_at: Date | null; last_attempt_at: Date | null;
  response_status: number | null; duration_ms: number | null; response: string | null; created_at: Date; seq: string | number;
}

const deliveryToWire = (r: DeliveryRow): WireDelivery => ({
  id: r.id,
  eventId: r.event_id,
  type: r.type,
  ticketId: r.ticket_id,
  state: r.state,
  attempts: Number(r.attempts),
  createdAt: iso(r.created_at)!,
  lastAttemptAt: iso(r.last_attempt_at),
  nextAttemptAt: r.state === 'pending' ? iso(r.next_attempt_at) : null,
  responseStatus: r.response_status === null ? null : Number(r.response_status),
  durationMs: r.duration_ms === null ? null : Number(r.duration_ms),
  response: r.response,
});

/**
 * The outbox insert for one event: a pending delivery for every active endpoint that wants `type`.
 * It runs on the caller's EntityManager, inside the transaction that records the event, so the
 * event and its deliveries commit (or vanish) together.
 */
export async function enqueueWebhook(em: EntityManager, type: WebhookEventType, ticketId: string | null, data: unknown): Promise<void> {
  const text = `insert into webhook_deliveries (id, created_at, endpoint_id, event_id, type, ticket_id, data, state, attempts, started_at, next_attempt_at)
    select gen_random_uuid(), now(), e.id, $1::uuid, $2::text, $3::uuid, $4::jsonb, 'pending', 0, now(), now()
    from webhook_endpoints e where e.active and e.events @> jsonb_build_array($2::text)`;
  const params = [randomUUID(), type, ticketId, JSON.stringify(data)];
  await (em as SqlEntityManager).getKysely().executeQuery(CompiledQuery.raw(text, params));
}

/**
 * For statements that change many tickets in raw SQL (auto-assignment), inside their transaction:
 * one event per ticket, whose `{ticket}` is rendered when it is first sent and then kept, so every
 * retry carries the same body.
 */
export async function enqueueTicketWebhooks(sql: Database['sql'], type: WebhookEventType, ticketIds: string[]): Promise<void> {
  if (!ticketIds.length) return;
  await sql(
    `insert into webhook_deliveries (id, created_at, endpoint_id, event_id, type, ticket_id, state, attempts, started_at, next_attempt_at)
     select gen_random_uuid(), now(), e.id, md5(?::text || t.id::text || now()::text)::uuid, ?::text, t.id, 'pending', 0, now(), now()
     from unnest(?::uuid[]) as t(id) cross join webhook_endpoints e
     where e.active and e.events @> jsonb_build_array(?::text)`,
    [type, type, ticketIds, type],
  );
}

/**
 * The same for the message writer's one statement: a CTE over the rows it inserted (`source`, with
 * `id` and `ticket_id`). The body is rendered from the message row, which never changes; the event
 * id is derived from the message id so every endpoint gets the same one. Internal notes are never sent.
 */
export const messageWebhooksCte = (source: string) => `webhooks as (
  insert into webhook_deliveries (id, created_at, endpoint_id, event_id, type, ticket_id, message_id, state, attempts, started_at, next_attempt_at)
  select gen_random_uuid(), now(), e.id, md5('message.created:' || s.id::text)::uuid, 'message.created', s.ticket_id::uuid, s.id::uuid, 'pending', 0, now(), now()
  from ${source} s cross join webhook_endpoints e
  where e.active and e.events @> '["message.created"]'::jsonb
)`;

/** Admin: webhook endpoints, their delivery log, redelivery and secret rotation. */
export class WebhookService {
  private readonly db: Database;
  /** Called after a change that makes deliveries due now (redelivery), to wake the local worker. */
  onDue: () => void = () => {};

  constructor(db: Database) {
    this.db = db;
  }

  async list(): Promise<WireEndpoint[]> {
    return (await this.db.em().find(WebhookEndpoint, {}, { orderBy: { createdAt: 'asc' } })).map(endpointToWire);
  }

  async get(id: string): Promise<WireEndpoint> {
    return endpointToWire(await this.load(id));
  }

  async create(input: Required<Pick<EndpointInput, 'url' | 'events'>> & EndpointInput): Promise<WebhookEndpointWithSecret> {
    const em = this.db.em();
    if ((await em.count(WebhookEndpoint, {})) >= INTEGRATION_LIMITS.endpoints) {
      throw new AppError('conflict', `at most ${INTEGRATION_LIMITS.endpoints} webhook endpoints`);
    }
    const secret = input.secret ?? newSecret();
    const endpoint = em.create(WebhookEndpoint, {
      url: input.url, events: [...new Set(input.events)], secret, previousSecret: null, previousSecretUntil: null,
      active: input.active ?? true, failingSince: null,
    });
    await em.flush();
    this.onDue();
    return { ...endpointToWire(endpoint), secret };
  }

  async update(id: string, input: EndpointInput): Promise<WireEndpoint> {
    const em = this.db.em();
    const endpoint = await this.load(id, em);
    if (input.url !== undefined) endpoint.url = input.url;
    if (input.events !== undefined) endpoint.events = [...new Set(input.events)];
    if (input.active !== undefined) endpoint.active = input.active;
    await em.flush();
    this.onDue();
    return endpointToWire(endpoint);
  }

  async remove(id: string): Promise<void> {
    const deleted = isUuid(id) ? await this.db.em().nativeDelete(WebhookEndpoint, { id }) : 0;
    if (!deleted) throw notFound('webhook');
  }

  /** A new secret (given or generated); the old one also signs for a day, as a second `v1`. */
  async rotateSecret(id: string, secret?: string): Promise<WebhookEndpointWithSecret> {
    const em = this.db.em();
    const endpoint = await this.load(id, em);
    endpoint.previousSecret = endpoint.secret;
    endpoint.previousSecretUntil = new Date(Date.now() + ROTATION_GRACE_MS);
    endpoint.secret = secret ?? newSecret();
    await em.flush();
    return { ...endpointToWire(endpoint), secret: endpoint.secret };
  }

  /** The newest deliveries first (the log keeps the last 100 finished ones per endpoint, plus any pending). */
  async deliveries(id: string, limit: number = INTEGRATION_LIMITS.logSize): Promise<WireDelivery[]> {
    const endpoint = await this.load(id);
    const rows = await this.db.sql<DeliveryRow>(
      `select ${COLUMNS} from webhook_deliveries where endpoint_id = ? order by seq desc limit ?`,
      [endpoint.id, limit],
    );
    return rows.map(deliveryToWire);
  }

  /** Sends a delivery again, with the same delivery id, and a fresh retry window. */
  async redeliver(endpointId: string, deliveryId: string): Promise<WireDelivery> {
    const endpoint = await this.load(endpointId);
    const rows = isUuid(deliveryId)
      ? await this.db.sql<DeliveryRow>(
        `update webhook_deliveries set state = 'pending', attempts = 0, started_at = now(), next_attempt_at = now(), lease_until = null
         where id = ? and endpoint_id = ? returning ${COLUMNS}`,
        [deliveryId, endpoint.id],
      )
      : [];
    if (!rows[0]) throw notFound('delivery');
    this.onDue();
    return deliveryToWire(rows[0]);
  }

  private async load(id: string, em = this.db.em()): Promise<WebhookEndpoint> {
    const endpoint = isUuid(id) ? await em.findOne(WebhookEndpoint, { id }) : null;
    if (!endpoint) throw notFound('webhook');
    return endpoint;
  }
}

const newSecret = () => `whsec_${randomBytes(24).toString('base64url')}`;
