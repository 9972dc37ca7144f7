import { randomBytes } from 'node:crypto';
import { Migrator } from '@mikro-orm/migrations';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { entities } from '../../entities/index.ts';
import { adminQuery, testDatabaseKinds } from '../../testing/test-database.ts';
import { migrationsList } from './index.ts';

type Rows = Record<string, unknown>[];
const SITE = '00000000-0000-4000-8000-000000000001';
const CUSTOMER = '00000000-0000-4000-8000-000000000002';

/** A database migrated up to `to` only, as an install from before it was. */
async function migratedTo(kind: 'pglite' | 'postgresql', to: string) {
  const migrations = { migrationsList, snapshot: false, silent: true };
  let drop = async () => {};
  let orm;
  if (kind === 'pglite') {
    const { MikroORM } = await import('@mikro-orm/pglite');
    orm = await MikroORM.init({ entities, extensions: [Migrator], dbName: 'memory://', migrations });
  } else {
    const base = process.env.DATABASE_URL!;
    const name = `parley_test_${randomBytes(6).toString('hex')}`;
    await adminQuery(base, `create database ${name}`);
    drop = () => adminQuery(base, `drop database if exists ${name} with (force)`);
    const url = new URL(base);
    url.pathname = `/${name}`;
    const { MikroORM } = await import('@mikro-orm/postgresql');
    orm = await MikroORM.init({ entities, extensions: [Migrator], clientUrl: url.toString(), migrations });
  }
  await orm.migrator.up({ to });
  return {
    sql: (q: string) => orm.em.getConnection().execute(q) as Promise<Rows>,
    up: () => orm.migrator.up(),
    close: async () => (await orm.close(true), await drop()),
  };
}

const ticket = (n: string, id: string, created: string, last: string | null, extra = true) =>
  `insert into tickets (id, created_at, site_id, customer_id, category, urgency, description, status${extra ? ', last_seq, last_message_at' : ''})
   values ('${id}', now() - interval '${created}', '${SITE}', '${CUSTOMER}', 'c', 'low', '${n}', 'open'${extra ? `, ${last ? 1 : 0}, ${last ? `now() - interval '${last}'` : 'null'}` : ''})`;

// An install from before 0220: its inbox order (tickets.last_message_at) must come over as it was.
describe.each(testDatabaseKinds())('migration 0220 (ticket_activity) on %s', (kind) => {
  let db: Awaited<ReturnType<typeof migratedTo>>;
  beforeAll(async () => {
    db = await migratedTo(kind, '0210-attachment-position');
    await db.sql(`insert into sites (id, created_at, name, key, secret, origins, categories) values ('${SITE}', now(), 's', 'k', 'x', '[]', '[]')`);
    await db.sql(`insert into customers (id, created_at, site_id) values ('${CUSTOMER}', now(), '${SITE}')`);
    // a: talked to yesterday; b: made two days ago, never a message; c: made first, talked to an hour ago.
    await db.sql(ticket('a', '00000000-0000-4000-8000-0000000000a0', '3 days', '1 day'));
    await db.sql(ticket('b', '00000000-0000-4000-8000-0000000000a1', '2 days', null));
    await db.sql(ticket('c', '00000000-0000-4000-8000-0000000000a2', '5 days', '1 hour'));
    await db.up();
  });
  afterAll(() => db?.close());

  it('keeps the inbox order of existing tickets: last message, else creation', async () => {
    const rows = await db.sql(`select t.description from ticket_activity a join tickets t on t.id = a.ticket_id order by a.at desc`);
    expect(rows.map((r) => r.description)).toEqual(['c', 'a', 'b']);
  });

  it('gives a ticket made after it its row at its creation time, and drops the column it replaces', async () => {
    await db.sql(ticket('new', '00000000-0000-4000-8000-0000000000b0', '1 minute', null, false));
    expect(await db.sql(`select a.at = t.created_at as same from ticket_activity a join tickets t on t.id = a.ticket_id where t.description = 'new'`)).toEqual([{ same: true }]);
    expect(await db.sql(`select column_name from information_schema.columns where table_name = 'tickets' and column_name = 'last_message_at'`)).toEqual([]);
  });
});
