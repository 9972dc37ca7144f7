import type { Attachment, Ticket } from '../../protocol/index.ts';
import type { Database } from '../db/orm.ts';
import { logger, type Logger } from '../log.ts';
import type { WebhookConfig } from './webhook-config.ts';
import type { Sender } from './webhook-sender.ts';
import { signatureHeader } from './webhook-signature.ts';
import type { DeliveryRow } from './webhooks.ts';
import { messageRowToWire, type MessageRow } from './serialize.ts';
import { MESSAGE_COLUMNS } from './message-writer.ts';
import { PollLoop } from './poll-loop.ts';
import { nextAttempt } from './retry.ts';

interface EndpointRow { id: string; url: string; secret: string; previous_secret: string | null; previous_secret_until: Date | null }

/** Finished deliveries kept per endpoint for the log. */
const KEEP = 100;

/**
 * Sends due webhook deliveries from the outbox. Safe with many instances: a claim takes rows with
 * FOR UPDATE SKIP LOCKED and leases them, so each is sent by one worker at a time; a worker that
 * dies leaves a lease that expires, and the row is sent again (at least once). A ticket's events
 * go to an endpoint one at a time, in order: only the oldest pending one of each ticket is claimable.
 */
export class WebhookWorker {
  private readonly db: Database;
  private readonly config: WebhookConfig;
  private readonly send: Sender;
  private readonly loop: PollLoop;
  private readonly pruned = new Map<string, number>();
  /** Whether any endpoint is active (refreshed every poll): without one, events need not wake the worker. */
  private anyActive = false;

  /** The wire ticket, for events queued without a body (auto-assignment). */
  private readonly ticketOf: (id: string) => Promise<Ticket | null>;

  private readonly log: Logger;
  /** The files of messages by id (with URLs fresh at delivery: they work for an hour or two). */
  private readonly filesOf: (messages: MessageRow[]) => Promise<Map<string, Attachment[]>>;

  constructor(db: Database, config: WebhookConfig, send: Sender, ticketOf: (id: string) => Promise<Ticket | null>, log: Logger = logger(),
    filesOf: (messages: MessageRow[]) => Promise<Map<string, Attachment[]>> = async () => new Map()) {
    this.db = db;
    this.filesOf = filesOf;
    this.log = log;
    this.config = config;
    this.send = send;
    this.ticketOf = ticketOf;
    this.loop = new PollLoop(config.pollMs, () => this.drain());
  }

  start(): void {
    this.loop.start();
  }

  /** Something became due here (an event was committed, a redelivery asked): look now rather than at the next poll. */
  wake(force = false): void {
    if (force || this.anyActive) this.loop.wake();
  }

  stop(): Promise<void> {
    return this.loop.stop();
  }

  /** Claims and sends batches until nothing is due. */
  private async drain(): Promise<void> {
    try {
      const [row] = await this.db.sql<{ any: boolean }>('select exists (select 1 from webhook_endpoints where active) as any');
      this.anyActive = !!row?.any;
      while (!this.loop.isStopped) {
        const n = await this.tick();
        if (n < this.config.concurrency) break;
      }
    } catch (err) {
      if (!this.loop.isStopped) this.log.error({ err }, 'webhook worker failed');
    }
  }

  /** One batch: claim, send concurrently, record. Returns how many were claimed. */
  async tick(): Promise<number> {
    const lease = this.config.timeoutMs * 2 + 5000;
    const rows = await this.db.sql<DeliveryRow>(
      `update webhook_deliveries d set lease_until = now() + (? * interval '1 millisecond'), attempts = d.attempts + 1, last_attempt_at = now()
       where d.id in (
         select c.id from webhook_deliveries c join webhook_endpoints e on e.id = c.endpoint_id and e.active
         where c.state = 'pending' and c.next_attempt_at <= now() and (c.lease_until is null or c.lease_until < now())
           and not exists (select 1 from webhook_deliveries p where p.endpoint_id = c.endpoint_id and p.ticket_id = c.ticket_id
                           and p.state = 'pending' and p.seq < c.seq)
         order by c.seq limit ?
         for update of c skip locked
       )
       returning d.id, d.endpoint_id, d.event_id, d.type, d.ticket_id, d.message_id, d.data, d.attempts, d.started_at, d.created_at`,
      [lease, this.config.concurrency],
    );
    if (!rows.length) return 0;
    const ids = [...new Set(rows.map((r) => r.endpoint_id))];
    const endpoints = new Map((await this.db.sql<EndpointRow>(
      `select id, url, secret, previous_secret, previous_secret_until from webhook_endpoints where id in (${ids.map(() => '?').join(',')})`,
      ids,
    )).map((e) => [e.id, e]));
    const messages = await this.messagesOf(rows);
    const files = await this.filesOf([...messages.values()].filter((m) => !m.internal));
    await Promise.all(rows.map((row) => this.deliver(row, endpoints.get(row.endpoint_id), messages, files)));
    await this.prune(new Set(rows.map((r) => r.endpoint_id)));
    return rows.length;
  }

  private async messagesOf(rows: DeliveryRow[]): Promise<Map<string, MessageRow>> {
    const ids = [...new Set(rows.map((r) => r.message_id).filter((id): id is string => !!id))];
    if (!ids.length) return new Map();
    const found = await this.db.sql<MessageRow>(`select ${MESSAGE_COLUMNS} from messages where id in (${ids.map(() => '?').join(',')})`, ids);
    return new Map(found.map((m) => [m.id, m]));
  }

  private async deliver(row: DeliveryRow, endpoint: EndpointRow | undefined, messages: Map<string, MessageRow>, files: Map<string, Attachment[]>): Promise<void> {
    if (!endpoint) return; // deleted meanwhile; its deliveries went with it
    let data = row.data;
    if (row.message_id) {
      const message = messages.get(row.message_id);
      // The message is gone (its ticket was deleted): there is nothing left to tell. A note is never
      // sent, even if a delivery for one were queued (the enqueue leaves notes out; this is the last gate).
      if (!message || message.internal) return void (await this.db.sql('delete from webhook_deliveries where id = ?', [row.id]));
      const attachments = files.get(message.id);
      data = { message: attachments ? { ...messageRowToWire(message), attachments } : messageRowToWire(message) };
    } else if (data === null && row.ticket_id) {
      const ticket = await this.ticketOf(row.ticket_id);
      if (!ticket) return void (await this.db.sql('delete from webhook_deliveries where id = ?', [row.id]));
      data = { ticket };
      await this.db.sql('update webhook_deliveries set data = ?::jsonb where id = ?', [JSON.stringify(data), row.id]);
    }
    const body = JSON.stringify({ id: row.event_id, type: row.type, createdAt: new Date(row.created_at).toISOString(), data });
    const secrets = [endpoint.secret];
    if (endpoint.previous_secret && endpoint.previous_secret_until && new Date(endpoint.previous_secret_until).getTime() > Date.now()) {
      secrets.push(endpoint.previous_secret);
    }
    const result = await this.send(endpoint.url, {
      'content-type': 'application/json',
      'user-agent': 'Parley-Webhooks/1',
      'parley-delivery': row.id,
      'parley-event': row.type,
      'parley-signature': signatureHeader(secrets, body, Math.floor(Date.now() / 1000)),
    }, body);
    const response = result.response.slice(0, 1024);
    if (result.ok) {
      await this.db.sql(
        `with d as (update webhook_deliveries set state = 'delivered', lease_until = null, next_attempt_at = null,
                      response_status = ?, duration_ms = ?, response = ? where id = ? returning endpoint_id)
         update webhook_endpoints set failing_since = null where id in (select endpoint_id from d) and failing_since is not null`,
        [result.status, result.durationMs, response, row.id],
      );
      return;
    }
    const { at: next, giveUp } = nextAttempt(Number(row.attempts), new Date(row.started_at), this.config.backoffMs, this.config.retryForMs);
    await this.db.sql(
      `with d as (update webhook_deliveries set state = ?, lease_until = null, next_attempt_at = ?,
                    response_status = ?, duration_ms = ?, response = ? where id = ? returning endpoint_id)
       update webhook_endpoints set failing_since = now() where ? and id in (select endpoint_id from d) and failing_since is null`,
      [giveUp ? 'failed' : 'pending', next, result.status, result.durationMs, response, row.id, giveUp],
    );
  }

  /** Keeps the newest KEEP finished deliveries of each endpoint, at most once a second per endpoint. */
  private async prune(endpointIds: Set<string>): Promise<void> {
    const now = Date.now();
    for (const id of endpointIds) {
      if ((this.pruned.get(id) ?? 0) > now - 1000) continue;
      this.pruned.set(id, now);
      await this.db.sql(
        `delete from webhook_deliveries where endpoint_id = ? and state <> 'pending' and seq < (
           select seq from webhook_deliveries where endpoint_id = ? and state <> 'pending' order by seq desc offset ? limit 1)`,
        [id, id, KEEP - 1],
      );
    }
  }
}
