import type { Database } from '../db/orm.ts';

export interface CustomerPresenceTiming {
  /** How long a row of this instance counts after its last renewal (a killed instance's rows lapse after it). */
  leaseMs: number;
  /** How often this instance renews the rows of the customers it holds sockets of. */
  renewMs: number;
}

export const CUSTOMER_PRESENCE_TIMING: CustomerPresenceTiming = { leaseMs: 60_000, renewMs: 20_000 };

/** Rows per statement when renewing (10,000 idle customers are a few statements every renewal). */
const BATCH = 5_000;

/**
 * Whether a customer has a socket open on any instance, kept in `customer_connections`: a row per
 * customer and instance, written when their first socket here opens, deleted when the last closes,
 * renewed while they stay, and lapsing on its own when an instance dies. Changes are written in
 * batches, one flush at a time, so a burst of connects costs a few statements, not one each.
 */
export class CustomerPresence {
  private readonly db: Database;
  private readonly instanceId: string;
  private readonly timing: CustomerPresenceTiming;
  private readonly onError: (err: unknown) => void;
  /** Latest state per customer not yet written: true up, false down. */
  private readonly changes = new Map<string, boolean>();
  private renewDue = false;
  private flushing: Promise<void> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private held: () => Iterable<string> = () => [];

  constructor(db: Database, instanceId: string, onError: (err: unknown) => void, timing = CUSTOMER_PRESENCE_TIMING) {
    this.db = db;
    this.instanceId = instanceId;
    this.onError = onError;
    this.timing = timing;
  }

  /** The first socket of this customer opened here. */
  up(customerId: string): void {
    this.change(customerId, true);
  }

  /** The last socket of this customer here closed. */
  down(customerId: string): void {
    this.change(customerId, false);
  }

  /** Renews, every `renewMs`, the rows of the customers `held` names (this instance's sockets), and drops lapsed rows. */
  start(held: () => Iterable<string>): void {
    this.held = held;
    this.timer = setInterval(() => this.renew(), this.timing.renewMs);
    this.timer.unref();
  }

  /** Renews this instance's rows and drops every lapsed one, in turn with the changes (so a renewal never revives a row just deleted). */
  renew(): void {
    this.renewDue = true;
    this.schedule();
  }

  /** Resolves once every change so far is written. */
  async settled(): Promise<void> {
    while (this.flushing) await this.flushing;
  }

  /** Stops renewing and removes this instance's rows (its sockets are closed by then). */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.settled();
    await this.db.sql(`delete from customer_connections where instance_id = ?`, [this.instanceId]).catch(this.onError);
  }

  private change(customerId: string, up: boolean): void {
    this.changes.set(customerId, up);
    this.schedule();
  }

  private schedule(): void {
    this.flushing ??= this.flush().catch(this.onError).finally(() => {
      this.flushing = null;
      if (this.changes.size || this.renewDue) this.schedule();
    });
  }

  private async flush(): Promise<void> {
    // A macrotask first, so the connects of one burst share the statements.
    await new Promise((ok) => setImmediate(ok));
    const batch = [...this.changes];
    this.changes.clear();
    const renewing = this.renewDue;
    this.renewDue = false;
    const ups = new Set(renewing ? this.held() : []);
    for (const [id, up] of batch) if (up) ups.add(id);
    const downs = batch.filter(([, up]) => !up).map(([id]) => id);
    const list = [...ups];
    for (let i = 0; i < list.length; i += BATCH) await this.upsert(list.slice(i, i + BATCH));
    if (downs.length) await this.db.sql(`delete from customer_connections where instance_id = ? and customer_id = any(?::uuid[])`, [this.instanceId, downs]);
    if (renewing) await this.db.sql(`delete from customer_connections where expires_at < now()`);
  }

  private async upsert(ids: string[]): Promise<void> {
    await this.db.sql(
      `insert into customer_connections (customer_id, instance_id, expires_at)
       select id, ?, now() + make_interval(secs => ?) from unnest(?::uuid[]) as t(id)
       on conflict (customer_id, instance_id) do update set expires_at = excluded.expires_at`,
      [this.instanceId, this.timing.leaseMs / 1000, ids],
    );
  }
}

/** SQL: whether customer `column` has a live row (to put in a WHERE). */
export const customerConnectedSql = (column: string) =>
  `exists (select 1 from customer_connections cc where cc.customer_id = ${column} and cc.expires_at > now())`;
