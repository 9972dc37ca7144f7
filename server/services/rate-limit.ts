import { CompiledQuery, type Kysely } from 'kysely';
import { RateLimiterMemory, RateLimiterPostgres, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { Config } from '../config.ts';
import type { Database } from '../db/orm.ts';
import { AppError } from '../errors.ts';

/** 429 `rate_limited`, with the seconds until the limit lets the caller through (HTTP `Retry-After`). */
export class RateLimited extends AppError {
  readonly retryAfterSeconds: number;
  constructor(message: string, msBeforeNext: number) {
    const seconds = Math.max(1, Math.ceil(msBeforeNext / 1000));
    super('rate_limited', `${message}; try again in ${seconds} s`);
    this.retryAfterSeconds = seconds;
  }
}

export interface LimitSpec {
  /** Key prefix, so limits share one table without sharing counters. */
  name: string;
  points: number;
  durationSeconds: number;
}

/**
 * One fixed-window counter per key (rate-limiter-flexible). On PostgreSQL the counters live in the
 * `rate_limits` table (migration 0030), so every instance counts together: N instances never allow N
 * times the attempts. On PGlite, which one process owns, they live in memory.
 */
export class Limiter {
  private readonly rl: RateLimiterAbstract;
  readonly spec: LimitSpec;
  constructor(rl: RateLimiterAbstract, spec: LimitSpec) {
    this.rl = rl;
    this.spec = spec;
  }

  /** Counts one event for `key`; throws RateLimited when the key is over its limit. */
  async hit(key: string, message: string): Promise<void> {
    try {
      await this.rl.consume(key);
    } catch (err) {
      if (err instanceof RateLimiterRes) throw new RateLimited(message, err.msBeforeNext);
      throw err;
    }
  }

  /** Throws RateLimited when `key` already used up its limit, counting nothing (failed sign-ins are counted apart). */
  async check(key: string, message: string): Promise<void> {
    const res = await this.rl.get(key);
    if (res && res.consumedPoints >= this.spec.points) throw new RateLimited(message, res.msBeforeNext);
  }

  /** Counts one event without ever refusing it. */
  async record(key: string): Promise<void> {
    await this.rl.penalty(key, 1);
  }

  async reset(key: string): Promise<void> {
    await this.rl.delete(key);
  }
}

/** Builds limiters on the right store for `db`. */
export function limiterFactory(db: Database): (spec: LimitSpec) => Limiter {
  const store = db.kind === 'postgresql' ? postgresStore(db) : null;
  return (spec) => {
    const opts = { keyPrefix: spec.name, points: spec.points, duration: spec.durationSeconds };
    const rl = store
      ? new RateLimiterPostgres({
        ...opts, storeClient: store, storeType: 'pool', tableName: 'rate_limits', tableCreated: true,
        // Should the database hiccup, count in memory meanwhile rather than refuse everyone.
        insuranceLimiter: new RateLimiterMemory(opts),
      })
      : new RateLimiterMemory(opts);
    return new Limiter(rl, spec);
  };
}

/** The limits the services enforce, from the configuration (README "Configuration"). */
export class Limits {
  readonly loginPerAccount: Limiter;
  readonly loginPerAddress: Limiter;
  readonly newVisitorsPerAddress: Limiter;
  readonly ticketsPerVisitor: Limiter;
  readonly ticketsPerAddress: Limiter;
  constructor(config: Config, db: Database) {
    const make = limiterFactory(db);
    this.loginPerAccount = make({ name: 'login_account', points: 10, durationSeconds: 15 * 60 });
    this.loginPerAddress = make({ name: 'login_address', points: 50, durationSeconds: 15 * 60 });
    this.newVisitorsPerAddress = make({ name: 'new_visitor', points: config.newVisitorsPerMinute, durationSeconds: 60 });
    this.ticketsPerVisitor = make({ name: 'ticket_visitor', points: config.ticketsPerVisitorPerHour, durationSeconds: 3600 });
    this.ticketsPerAddress = make({ name: 'ticket_address', points: config.ticketsPerAddressPerHour, durationSeconds: 3600 });
  }

  /** One new ticket by `customerId` from `address`: each one floods every member with `ticket_created`. */
  async ticketCreated(customerId: string, address: string): Promise<void> {
    await this.ticketsPerVisitor.hit(customerId, 'too many new tickets from this visitor');
    await this.ticketsPerAddress.hit(address, 'too many new tickets from this address');
  }
}

/**
 * rate-limiter-flexible speaks to a pg-style `query({text, values})`; this sends its statements
 * through the ORM's own connection pool (kysely), so the limits need no extra connections.
 */
function postgresStore(db: Database) {
  const em = db.orm.em as unknown as { getConnection(): { getClient(): Kysely<unknown> } };
  const kysely = em.getConnection().getClient();
  return {
    query: async (q: { text: string; values?: unknown[] }) => ({ rows: (await kysely.executeQuery(CompiledQuery.raw(q.text, q.values ?? []))).rows }),
  };
}
