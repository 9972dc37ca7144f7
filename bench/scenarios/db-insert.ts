import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { createTempDatabase } from '../lib/database.ts';
import { mapPool } from '../lib/pool.ts';
import { perSecond } from '../lib/stats.ts';

/** The server's `messages` table (migration 0001) and the ticket columns its send statement touches. */
const SCHEMA = [
  `create table "tickets" ("id" uuid not null, "site_id" uuid not null, "customer_id" uuid not null, "status" varchar(255) not null, "assignee_id" uuid null, "first_response_at" timestamptz null, "last_seq" int not null default 0, primary key ("id"))`,
  `create table "messages" ("id" uuid not null, "created_at" timestamptz not null, "ticket_id" uuid not null, "seq" int not null, "client_id" varchar(255) not null, "author_kind" varchar(255) not null, "author_id" varchar(255) not null, "author_name" varchar(255) null, "body" text not null, primary key ("id"))`,
  `alter table "messages" add constraint "messages_ticket_id_seq_unique" unique ("ticket_id", "seq")`,
  `alter table "messages" add constraint "messages_ticket_id_client_id_unique" unique ("ticket_id", "client_id")`,
  `alter table "messages" add constraint "messages_ticket_id_foreign" foreign key ("ticket_id") references "tickets" ("id") on delete cascade`,
  `create index "messages_created_at_index" on "messages" ("created_at")`,
];
const COLUMNS = '"id", "created_at", "ticket_id", "seq", "client_id", "author_kind", "author_id", "author_name", "body"';
const SEND_COLUMNS = 'id, ticket_id, seq, client_id, author_kind, author_id, author_name, body, created_at';
const INSERT = `insert into "messages" (${COLUMNS}) values ($1, now(), $2, $3, $4, $5, $6, $7, $8)`;
/**
 * One message per statement with the server's rules (as server/services/messages.ts stored a message
 * before it batched writes): bump the ticket's seq under the access and state rules, insert the row,
 * skip a resend. A reference for what storing messages one by one, correctly numbered, costs.
 */
const SEND = `with t as (
   update tickets set last_seq = last_seq + 1,
     first_response_at = case when first_response_at is null and $1 <> 'customer' then now() else first_response_at end
   where id = $2 and status = 'assigned' and assignee_id = $3
     and not exists (select 1 from messages where ticket_id = $2 and client_id = $4)
   returning id, last_seq)
 insert into messages (${SEND_COLUMNS})
 select $5, t.id, t.last_seq, $4, $1, $3, $6, $7, now() from t
 on conflict (ticket_id, client_id) do nothing
 returning ${SEND_COLUMNS}`;

export type InsertKind = 'insert' | 'send-statement';

export interface InsertResult {
  database: 'postgresql' | 'pglite';
  kind: InsertKind;
  rows: number;
  /** Connections inserting at once (PGlite has one). */
  concurrency: number;
  durationMs: number;
  rowsPerSec: number;
}

type Exec = (sql: string, params?: unknown[]) => Promise<unknown>;

const body = (i: number) => `Hello, message ${i}: the order #${1000 + i} has not arrived yet.`;

/** `rows` single-row autocommit statements spread over `tickets` tickets, one ticket per connection at a time. */
async function insertRows(execs: Exec[], kind: InsertKind, rows: number, tickets: number): Promise<number> {
  const ticketIds = Array.from({ length: tickets }, () => randomUUID());
  const assignee = randomUUID();
  for (const id of ticketIds) {
    await execs[0](`insert into "tickets" ("id", "site_id", "customer_id", "status", "assignee_id") values ($1, $2, $3, 'assigned', $4)`, [id, randomUUID(), randomUUID(), assignee]);
  }
  const seqs = new Array<number>(tickets).fill(0);
  const started = performance.now();
  let next = 0;
  await Promise.all(
    execs.map(async (exec) => {
      while (next < rows) {
        const i = next++;
        const t = i % tickets;
        if (kind === 'insert') await exec(INSERT, [randomUUID(), ticketIds[t], ++seqs[t], `c-${i}`, 'member', assignee, 'Member', body(i)]);
        else await exec(SEND, ['member', ticketIds[t], assignee, `c-${i}`, randomUUID(), 'Member', body(i)]);
      }
    }),
  );
  return performance.now() - started;
}

export interface DatabaseLimits {
  insert: InsertResult;
  /** Reference: one numbered message per statement (seq bump + insert), same rows and connections. */
  statement: InsertResult;
}

/**
 * The database's own limit for the chat's rows: PostgreSQL (a fresh database on DATABASE_URL's
 * server) with `concurrency` connections, or PGlite on disk like the embedded server. Runs the plain
 * insert, empties the tables, then runs the numbered one-message statement.
 */
export async function measureDatabase(rows: number, tickets: number, concurrency: number): Promise<DatabaseLimits> {
  const base = process.env.DATABASE_URL;
  const both = async (database: InsertResult['database'], execs: Exec[]): Promise<DatabaseLimits> => {
    for (const sql of SCHEMA) await execs[0](sql);
    const result = (kind: InsertKind, ms: number): InsertResult => ({ database, kind, rows, concurrency: execs.length, durationMs: Math.round(ms), rowsPerSec: perSecond(rows, ms) });
    const insert = result('insert', await insertRows(execs, 'insert', rows, tickets));
    await execs[0]('truncate "messages", "tickets"');
    return { insert, statement: result('send-statement', await insertRows(execs, 'send-statement', rows, tickets)) };
  };
  if (base) {
    const db = await createTempDatabase(base, 'insert');
    const clients: pg.Client[] = [];
    try {
      await mapPool(concurrency, concurrency, async () => {
        const c = new pg.Client({ connectionString: db.url, query_timeout: 30000 });
        clients.push(c);
        await c.connect();
      });
      return await both('postgresql', clients.map((c) => (sql, params) => c.query(sql, params)));
    } finally {
      await Promise.all(clients.map((c) => c.end()));
      await db.drop();
    }
  }
  const dir = await mkdtemp(join(tmpdir(), 'parley-bench-pglite-'));
  const lite = await PGlite.create(dir);
  try {
    return await both('pglite', [(sql, params) => lite.query(sql, params)]);
  } finally {
    await lite.close();
    await rm(dir, { recursive: true, force: true });
  }
}
