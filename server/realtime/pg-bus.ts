import pg from 'pg';
import { Timer } from '../../protocol/client/timer.ts';
import type { Logger } from '../log.ts';
import { LocalBus } from './bus.ts';
import type { BusEvent, Envelope } from './events.ts';

const CHANNEL = 'parley_events';
/** PostgreSQL refuses NOTIFY payloads of 8,000 bytes or more; stay clear of it. */
export const MAX_NOTIFY_BYTES = 7800;
/** Remote copies waiting while the connection is busy; past this (a long outage) they are dropped: the resync after it covers them. */
const MAX_QUEUE = 10_000;

/**
 * LISTEN/NOTIFY between instances. Local subscribers get events at once; remote copies are queued and
 * sent from this instance's single connection in one statement per tick, outside any message-writing
 * transaction, because every committing NOTIFY takes a global lock.
 *
 * When the connection drops (PostgreSQL restarted, the backend was terminated) the bus reconnects with
 * backoff and LISTENs again. Events of the gap are lost on the wire, so it then asks every instance,
 * itself included, to resync from the database (`{t: 'resync', since}`), which is the log.
 */
export class PgBus extends LocalBus {
  private readonly databaseUrl: string;
  private client: pg.Client | null = null;
  private queue: string[] = [];
  private flushing: Promise<void> | null = null;
  private closed = false;
  /** When the connection was lost (ms epoch), or null while it is up. */
  private downSince: number | null = null;
  private readonly retry: Timer;

  private constructor(databaseUrl: string, instanceId: string, log?: Logger) {
    super(instanceId, log);
    this.databaseUrl = databaseUrl;
    this.retry = new Timer(() => void this.reconnect());
  }

  static async connect(databaseUrl: string, instanceId: string, log?: Logger): Promise<PgBus> {
    const bus = new PgBus(databaseUrl, instanceId, log);
    await bus.open();
    return bus;
  }

  /** False while the LISTEN connection is down (events do not cross instances until it is back). */
  override get healthy(): boolean {
    return this.downSince === null && this.client !== null;
  }

  private async open(): Promise<void> {
    // Named, so an operator (or a test) can tell this instance's LISTEN connection in pg_stat_activity.
    const client = new pg.Client({ connectionString: this.databaseUrl, keepAlive: true, application_name: `parley-bus ${this.instanceId}` });
    const lost = () => this.lost(client);
    client.on('error', lost);
    client.on('end', lost);
    client.on('notification', (n) => this.receiveRemote(n.payload));
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANNEL}`);
    } catch (err) {
      client.removeAllListeners();
      client.on('error', () => {});
      await client.end().catch(() => {});
      throw err;
    }
    this.client = client;
  }

  private lost(client: pg.Client): void {
    if (this.client !== client) return;
    this.client = null;
    client.removeAllListeners();
    client.on('error', () => {});
    void client.end().catch(() => {});
    if (this.closed) return;
    this.downSince ??= Date.now();
    this.log.warn('event bus: connection lost; reconnecting');
    this.retry.schedule();
  }

  private async reconnect(): Promise<void> {
    if (this.closed || this.client) return;
    try {
      await this.open();
    } catch {
      if (!this.closed) this.retry.schedule();
      return;
    }
    if (this.closed) return void (this.client as pg.Client | null)?.end().catch(() => {});
    this.retry.reset();
    const since = this.downSince ?? Date.now();
    this.downSince = null;
    // Whatever was queued for the others is stale now; the resync tells them to read it from the database.
    this.queue = [];
    this.publish({ t: 'resync', since });
  }

  override publish(event: BusEvent): void {
    const envelope = this.envelope(event);
    this.deliver(envelope, true);
    if (!this.client) return; // down: the resync after reconnecting covers it
    if (this.queue.length >= MAX_QUEUE) this.queue.shift();
    this.queue.push(fitPayload(envelope));
    if (!this.flushing) this.flushing = new Promise((r) => setImmediate(r)).then(() => this.flush());
  }

  private async flush(): Promise<void> {
    while (this.queue.length && !this.closed && this.client) {
      const client = this.client;
      const batch = this.queue.splice(0, 500);
      try {
        await client.query('SELECT pg_notify($1, payload) FROM unnest($2::text[]) WITH ORDINALITY AS t(payload, n) ORDER BY n', [CHANNEL, batch]);
      } catch (err) {
        this.log.error({ err }, 'event bus: NOTIFY failed');
        // A broken connection does not always say so before a query fails on it.
        if (!isQueryError(err)) this.lost(client);
      }
    }
    this.flushing = null;
  }

  override async close(): Promise<void> {
    await this.flushing;
    this.closed = true;
    this.retry.reset();
    await super.close();
    const client = this.client;
    this.client = null;
    if (client) {
      client.removeAllListeners();
      client.on('error', () => {});
      await client.end().catch(() => {});
    }
  }
}

/** An error PostgreSQL answered (the connection is fine), as opposed to a broken connection. */
function isQueryError(err: unknown): boolean {
  const code = (err as { code?: unknown }).code;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) && !code.startsWith('08') && !code.startsWith('57P');
}

/** Drops the bulky part of an event when the whole would not fit in a NOTIFY; receivers then read it from the database. */
export function fitPayload(envelope: Envelope): string {
  const full = JSON.stringify(envelope);
  if (Buffer.byteLength(full) <= MAX_NOTIFY_BYTES) return full;
  if (envelope.t === 'ticket') return JSON.stringify({ ...envelope, ticket: undefined });
  if (envelope.t === 'message') return JSON.stringify({ ...envelope, message: undefined });
  if (envelope.t === 'presence') return JSON.stringify({ ...envelope, staff: envelope.staff.slice(0, 50) });
  return full;
}
