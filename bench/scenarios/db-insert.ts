import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { createTempDatabase } from '../lib/database.ts';
import { mapPool } from '../lib/pool.ts';
import { perSecond } from '../lib/stats.ts';

/** The server's `messages` table (migration 0001), with a parent table for its foreign key. */
const SCHEMA = [
  `create table "tickets" ("id" uuid not null, primary key ("id"))`,
  `create table "messages" ("id" uuid not null, "created_at" timestamptz not null, "ticket_id" uuid not null, "seq" int not null, "client_id" varchar(255) not null, "author_kind" varchar(255) not null, "author_id" varchar(255) not null, "author_name" varchar(255) null, "body" text not null, primary key ("id"))`,
  `alter table "messages" add constraint "messages_ticket_id_seq_unique" unique ("ticket_id", "seq")`,
  `alter table "messages" add constraint "messages_ticket_id_client_id_unique" unique ("ticket_id", "client_id")`,
  `alter table "messages" add constraint "messages_ticket_id_foreign" foreign key ("ticket_id") references "tickets" ("id") on delete cascade`,
  `create index "messages_created_at_index" on "messages" ("created_at")`,
];
const INSERT = `insert into "messages" ("id", "created_at", "ticket_id", "seq", "client_id", "author_kind", "author_id", "author_name", "body") values ($1, $2, $3, $4, $5, $6, $7, $8, $9)`;

export interface InsertResult {
  database: 'postgresql' | 'pglite';
  rows: number;
  /** Connections inserting at once (PGlite has one). */
  concurrency: number;
  durationMs: number;
  rowsPerSec: number;
}

type Exec = (sql: string, params?: unknown[]) => Promise<unknown>;

/** `rows` single-row autocommit inserts of chat-message rows spread over `tickets` tickets. */
async function insertRows(execs: Exec[], rows: number, tickets: number): Promise<number> {
  const ticketIds = Array.from({ length: tickets }, () => randomUUID());
  for (const id of ticketIds) await execs[0](`insert into "tickets" ("id") values ($1)`, [id]);
  const started = performance.now();
  let next = 0;
  await Promise.all(
    execs.map(async (exec) => {
      while (next < rows) {
        const i = next++;
        const author = randomUUID();
        await exec(INSERT, [randomUUID(), new Date(), ticketIds[i % tickets], Math.floor(i / tickets) + 1, `c-${i}`, 'customer', author, null, `Hello, message ${i}: the order #${1000 + i} has not arrived yet.`]);
      }
    }),
  );
  return performance.now() - started;
}

/**
 * The database's own limit for the chat's rows: PostgreSQL (a fresh database on DATABASE_URL's
 * server) with `concurrency` connections, or PGlite on disk like the embedded server.
 */
export async function measureInserts(rows: number, tickets: number, concurrency: number): Promise<InsertResult> {
  const base = process.env.DATABASE_URL;
  if (base) {
    const db = await createTempDatabase(base, 'insert');
    const clients = await mapPool(concurrency, concurrency, async () => {
      const c = new pg.Client({ connectionString: db.url });
      await c.connect();
      return c;
    });
    try {
      for (const sql of SCHEMA) await clients[0].query(sql);
      const ms = await insertRows(clients.map((c) => (sql, params) => c.query(sql, params)), rows, tickets);
      return { database: 'postgresql', rows, concurrency, durationMs: Math.round(ms), rowsPerSec: perSecond(rows, ms) };
    } finally {
      await Promise.all(clients.map((c) => c.end()));
      await db.drop();
    }
  }
  const dir = await mkdtemp(join(tmpdir(), 'parley-bench-pglite-'));
  const lite = await PGlite.create(dir);
  try {
    for (const sql of SCHEMA) await lite.exec(sql);
    const ms = await insertRows([(sql, params) => lite.query(sql, params)], rows, tickets);
    return { database: 'pglite', rows, concurrency: 1, durationMs: Math.round(ms), rowsPerSec: perSecond(rows, ms) };
  } finally {
    await lite.close();
    await rm(dir, { recursive: true, force: true });
  }
}
