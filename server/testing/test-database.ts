import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Database } from '../db/orm.ts';

export interface TestDatabase { db: Database; close(): Promise<void> }

/** The databases a test can run on here: PGlite always, PostgreSQL too when DATABASE_URL is set. */
export const testDatabaseKinds = (): ('pglite' | 'postgresql')[] => (process.env.DATABASE_URL ? ['pglite', 'postgresql'] : ['pglite']);

/** A fresh, migrated database: PGlite in memory, or a new PostgreSQL database dropped on close. */
export async function openTestDatabase(kind: 'pglite' | 'postgresql'): Promise<TestDatabase> {
  if (kind === 'pglite') {
    const db = await openDatabase({ databaseUrl: null, dataDir: 'memory://' });
    return { db, close: () => db.close() };
  }
  const base = process.env.DATABASE_URL!;
  const name = `parley_test_${randomBytes(6).toString('hex')}`;
  await adminQuery(base, `create database ${name}`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  const db = await openDatabase({ databaseUrl: url.toString(), dataDir: '' });
  return {
    db,
    close: async () => {
      await db.close();
      await adminQuery(base, `drop database if exists ${name} with (force)`);
    },
  };
}

/** Runs one statement on a maintenance connection (create or drop a test database). */
export async function adminQuery(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
