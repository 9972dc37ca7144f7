import { cpus, release, totalmem } from 'node:os';
import pg from 'pg';

export interface Machine {
  cpu: string;
  cores: number;
  memoryGiB: number;
  os: string;
  node: string;
  database: string;
}

/** What the figures were measured on, printed under the table. */
export async function describeMachine(): Promise<Machine> {
  let database = 'PGlite (embedded PostgreSQL in WebAssembly)';
  if (process.env.DATABASE_URL) {
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    const { rows } = await client.query<{ server_version: string }>('SHOW server_version');
    await client.end();
    database = `PostgreSQL ${rows[0].server_version} (same machine)`;
  }
  return {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    os: `Linux ${release()}`,
    node: process.version,
    database,
  };
}
