import pg from 'pg';
import { LocalBus } from './bus.ts';
import type { BusEvent, Envelope } from './events.ts';

const CHANNEL = 'parley_events';
/** PostgreSQL refuses NOTIFY payloads of 8,000 bytes or more; stay clear of it. */
export const MAX_NOTIFY_BYTES = 7800;

/**
 * LISTEN/NOTIFY between instances. Local subscribers get events at once; remote copies are queued and
 * sent from this instance's single connection in one statement per tick, outside any message-writing
 * transaction, because every committing NOTIFY takes a global lock.
 */
export class PgBus extends LocalBus {
  private readonly client: pg.Client;
  private queue: string[] = [];
  private flushing: Promise<void> | null = null;
  private closed = false;

  private constructor(instanceId: string, client: pg.Client) {
    super(instanceId);
    this.client = client;
  }

  static async connect(databaseUrl: string, instanceId: string): Promise<PgBus> {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    const bus = new PgBus(instanceId, client);
    client.on('notification', (n) => bus.receive(n.payload));
    client.on('error', (err) => console.error('event bus connection error', err.message));
    await client.query(`LISTEN ${CHANNEL}`);
    return bus;
  }

  override publish(event: BusEvent): void {
    const envelope: Envelope = { ...event, i: this.instanceId };
    this.deliver(envelope, true);
    this.queue.push(fitPayload(envelope));
    if (!this.flushing) this.flushing = new Promise((r) => setImmediate(r)).then(() => this.flush());
  }

  private async flush(): Promise<void> {
    while (this.queue.length && !this.closed) {
      const batch = this.queue.splice(0, 500);
      try {
        await this.client.query('SELECT pg_notify($1, payload) FROM unnest($2::text[]) WITH ORDINALITY AS t(payload, n) ORDER BY n', [CHANNEL, batch]);
      } catch (err) {
        console.error('event bus: NOTIFY failed', (err as Error).message);
      }
    }
    this.flushing = null;
  }

  private receive(payload: string | undefined): void {
    if (!payload) return;
    let envelope: Envelope;
    try {
      envelope = JSON.parse(payload);
    } catch {
      return;
    }
    if (envelope.i === this.instanceId) return; // our own, already delivered locally
    this.deliver(envelope, false);
  }

  override async close(): Promise<void> {
    await this.flushing;
    this.closed = true;
    await super.close();
    await this.client.end().catch(() => {});
  }
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
