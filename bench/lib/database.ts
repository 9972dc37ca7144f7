import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** A database made for one bench run and dropped after it, so runs never see each other's rows. */
export interface TempDatabase {
  url: string;
  name: string;
  drop(): Promise<void>;
}

async function withAdmin<T>(baseUrl: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: baseUrl });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** Creates `parley_bench_<random>` on the server of `baseUrl` (DATABASE_URL). */
export async function createTempDatabase(baseUrl: string, label: string): Promise<TempDatabase> {
  const name = `parley_bench_${label}_${randomBytes(4).toString('hex')}`;
  await withAdmin(baseUrl, (c) => c.query(`CREATE DATABASE "${name}"`));
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    drop: () => withAdmin(baseUrl, (c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => undefined),
  };
}

/** Counters of one database from pg_stat_database: the query counts behind a scenario. */
export interface DbCounters {
  commits: number;
  inserted: number;
  updated: number;
  fetched: number;
  returned: number;
}

export async function dbCounters(url: string): Promise<DbCounters> {
  return withAdmin(url, async (c) => {
    // The statistics collector flushes lazily; clearing the snapshot makes the read current.
    await c.query('SELECT pg_stat_clear_snapshot()');
    const { rows } = await c.query(
      'SELECT xact_commit, tup_inserted, tup_updated, tup_fetched, tup_returned FROM pg_stat_database WHERE datname = current_database()',
    );
    const r = rows[0];
    return { commits: Number(r.xact_commit), inserted: Number(r.tup_inserted), updated: Number(r.tup_updated), fetched: Number(r.tup_fetched), returned: Number(r.tup_returned) };
  });
}

export function counterDelta(before: DbCounters, after: DbCounters): DbCounters {
  return {
    commits: after.commits - before.commits,
    inserted: after.inserted - before.inserted,
    updated: after.updated - before.updated,
    fetched: after.fetched - before.fetched,
    returned: after.returned - before.returned,
  };
}
