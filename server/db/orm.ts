import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { EntityManager } from '@mikro-orm/core';
import type { AbstractSqlDriver } from '@mikro-orm/postgresql';
import type { PgliteConnection } from '@mikro-orm/pglite';
import { Migrator } from '@mikro-orm/migrations';
import { CompiledQuery } from 'kysely';
import pg from 'pg';
import { entities } from '../entities/index.ts';
import { migrationsList } from './migrations/index.ts';
import { pgliteStartParams } from './pglite-settings.ts';
import { pglitePrepared } from './pglite-prepared.ts';

export type DatabaseKind = 'postgresql' | 'pglite';

/** What the server uses of either driver's MikroORM (both are SQL ORMs on kysely). */
interface SqlOrm {
  em: EntityManager<AbstractSqlDriver>;
  migrator: { up(): Promise<unknown> };
  close(force?: boolean): Promise<void>;
  isConnected(): Promise<boolean>;
}

/** The one database handle the server holds: the ORM, plus raw SQL for hot paths. */
export interface Database {
  kind: DatabaseKind;
  orm: { em: EntityManager; close(force?: boolean): Promise<void>; isConnected(): Promise<boolean> };
  /** A fresh EntityManager fork for one unit of work. */
  em(): EntityManager;
  /** Runs SQL with `?` placeholders as bind parameters (no `?` may appear otherwise) and returns the rows. */
  sql<T = Record<string, unknown>>(query: string, params?: unknown[]): Promise<T[]>;
  /**
   * A statement run often with the same text: on PostgreSQL a named prepared statement, planned once
   * per connection, on a connection of its own (the message writer runs one batch at a time; planning
   * its statement took about as long as running it). On PGlite a named statement too (pglite-prepared.ts).
   */
  prepared<T = Record<string, unknown>>(name: string, query: string): (params: unknown[]) => Promise<T[]>;
  /** Runs `work` while no other instance runs start-up work (a PostgreSQL advisory lock; PGlite is one process anyway). */
  exclusive<T>(work: () => Promise<T>): Promise<T>;
  /** Runs `fn` in one transaction on one connection; its `sql` works like `Database.sql`. Commits when it resolves. */
  transaction<R>(fn: (sql: Database['sql']) => Promise<R>): Promise<R>;
  close(): Promise<void>;
}

/** The advisory lock every instance takes around its start-up work (migrations, the first admin): any fixed bigint. */
export const STARTUP_LOCK = 7_270_339_001;

/**
 * Holds a session-level advisory lock on a connection of its own while `work` runs: instances that
 * start at once migrate one after the other, and the later ones find nothing left to do. The lock
 * goes with the connection, so a crashed holder never leaves it taken.
 */
async function withAdvisoryLock<T>(databaseUrl: string, work: () => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [STARTUP_LOCK]);
    return await work();
  } finally {
    await client.end().catch(() => {});
  }
}

const common = {
  entities,
  extensions: [Migrator],
  migrations: { migrationsList, snapshot: false, silent: true, transactional: true, allOrNothing: true },
  debug: false,
  // Entities are discovered from the list above, not by reflection.
  discovery: { warnWhenNoEntities: true },
};

/** Opens the database (PostgreSQL when a URL is given, else PGlite in `dataDir`) and runs pending migrations. */
export async function openDatabase(opts: { databaseUrl: string | null; dataDir: string; poolMax?: number }): Promise<Database> {
  let orm: SqlOrm;
  let kind: DatabaseKind;
  if (opts.databaseUrl) {
    const { MikroORM } = await import('@mikro-orm/postgresql');
    orm = await MikroORM.init({ ...common, clientUrl: opts.databaseUrl, pool: { min: 0, max: opts.poolMax ?? 10 } });
    kind = 'postgresql';
  } else {
    const { MikroORM } = await import('@mikro-orm/pglite');
    const dir = opts.dataDir === 'memory://' ? 'memory://' : resolve(opts.dataDir, 'pglite');
    if (dir !== 'memory://') mkdirSync(dir, { recursive: true });
    // Smaller buffers than PGlite's server-sized defaults: about 110 MiB less idle memory (pglite-settings.ts).
    orm = await MikroORM.init({ ...common, dbName: dir, driverOptions: { startParams: pgliteStartParams() } });
    kind = 'pglite';
  }
  const url = opts.databaseUrl;
  const exclusive = <T,>(work: () => Promise<T>): Promise<T> => (url ? withAdvisoryLock(url, work) : work());
  await exclusive(() => orm.migrator.up());
  // Raw SQL goes to the driver with real bind parameters ($1, $2...), never spliced into the text.
  const kysely = orm.em.getConnection().getClient<unknown>();
  const runner = (executor: typeof kysely) => async <T,>(query: string, params: unknown[] = []): Promise<T[]> => {
    let n = 0;
    const text = query.replace(/\?/g, () => `$${++n}`);
    if (n !== params.length) throw new Error(`expected ${n} parameters, got ${params.length}`);
    return (await executor.executeQuery(CompiledQuery.raw(text, params))).rows as T[];
  };
  const sql = runner(kysely);
  const own = url ? await preparedPool(url, orm) : null;
  return {
    kind,
    orm,
    em: () => orm.em.fork(),
    sql,
    exclusive,
    transaction: (fn) => kysely.transaction().execute((trx) => fn(runner(trx))),
    prepared: <T,>(name: string, query: string) => {
      let n = 0;
      const text = query.replace(/\?/g, () => `$${++n}`);
      if (!own) return pglitePrepared<T>(() => (orm.em.getConnection() as unknown as PgliteConnection).getNativeClient(), name, text);
      return async (params: unknown[]) => (await own.query({ name, text, values: params })).rows as T[];
    },
    close: async () => {
      await own?.end().catch(() => {});
      await orm.close(true);
    },
  };
}

/**
 * The pool of the prepared statements: one connection, made with the ORM's own connection options
 * (type parsers included, so rows read alike), opened now and kept while idle (as the ORM's are), and
 * opened again by the next query after the database was lost.
 */
async function preparedPool(url: string, orm: SqlOrm): Promise<pg.Pool> {
  const connection = orm.em.getConnection() as unknown as { mapOptions?(o: object): pg.PoolConfig };
  const options = connection.mapOptions ? connection.mapOptions({}) : { connectionString: url };
  const pool = new pg.Pool({ ...options, min: 0, max: 1, idleTimeoutMillis: 0, application_name: 'parley-writer' });
  // An idle connection that dies (a restart, a terminated backend) is dropped; the next query opens another.
  pool.on('error', () => {});
  (await pool.connect()).release();
  return pool;
}
