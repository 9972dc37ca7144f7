import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from './orm.ts';

describe('a prepared statement on the embedded database', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'parley-pglite-prepared-'));
  let db: Database;
  let insert: (params: unknown[]) => Promise<{ id: number; note: string }[]>;
  beforeAll(async () => {
    db = await openDatabase({ databaseUrl: null, dataDir });
    await db.sql('create table probe (id int primary key, note text not null, data jsonb)');
    insert = db.prepared('probe_insert', 'insert into probe (id, note, data) select * from jsonb_to_record(?::jsonb) as r(id int, note text, data jsonb) returning id, note');
  });
  afterAll(async () => {
    await db?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('runs with a name, answers its rows, and plans once (the server keeps it)', async () => {
    expect(await insert([JSON.stringify({ id: 1, note: 'héllo \u{1F600}', data: { a: [1] } })])).toEqual([{ id: 1, note: 'héllo \u{1F600}' }]);
    expect(await insert([JSON.stringify({ id: 2, note: 'two' })])).toEqual([{ id: 2, note: 'two' }]);
    const [kept] = await db.sql<{ n: number }>(`select count(*)::int as n from pg_prepared_statements where name = 'probe_insert'`);
    expect(kept!.n).toBe(1);
  });

  it('is shared by every caller of the same name and text, and refuses the name for another text', async () => {
    const again = db.prepared<{ id: number; note: string }>('probe_insert', 'insert into probe (id, note, data) select * from jsonb_to_record(?::jsonb) as r(id int, note text, data jsonb) returning id, note');
    expect(await again([JSON.stringify({ id: 7, note: 'seven' })])).toEqual([{ id: 7, note: 'seven' }]);
    await expect(db.prepared('probe_insert', 'select 1 where ? is null')([null])).rejects.toThrow('already taken');
    await db.sql('delete from probe where id = 7');
  });

  it('fails with the database error code, and the next run works (the exchange was ended)', async () => {
    await expect(insert([JSON.stringify({ id: 1, note: 'again' })])).rejects.toMatchObject({ code: '23505' });
    await expect(insert([JSON.stringify({ id: 3, note: null })])).rejects.toMatchObject({ code: '23502' });
    expect(await insert([JSON.stringify({ id: 4, note: 'four' })])).toEqual([{ id: 4, note: 'four' }]);
    expect(await db.sql('select id from probe order by id')).toEqual([{ id: 1 }, { id: 2 }, { id: 4 }]);
  });

  it('never runs inside another caller\'s open transaction', async () => {
    let inserted!: Promise<unknown>;
    await expect(db.transaction(async (sql) => {
      await sql('insert into probe (id, note) values (10, ?)', ['in the transaction']);
      // Started while the transaction is open: it must wait for it, not join it and be rolled back with it.
      inserted = insert([JSON.stringify({ id: 11, note: 'outside' })]);
      await new Promise((r) => setTimeout(r, 50));
      throw new Error('roll back');
    })).rejects.toThrow('roll back');
    await inserted;
    expect(await db.sql('select id from probe where id >= 10 order by id')).toEqual([{ id: 11 }]);
  });

  it('keeps what it wrote after the database is reopened', async () => {
    await db.close();
    db = await openDatabase({ databaseUrl: null, dataDir });
    insert = db.prepared('probe_insert', 'insert into probe (id, note, data) select * from jsonb_to_record(?::jsonb) as r(id int, note text, data jsonb) returning id, note');
    expect(await db.sql('select id from probe where id in (4, 11) order by id')).toEqual([{ id: 4 }, { id: 11 }]);
    expect(await insert([JSON.stringify({ id: 5, note: 'five' })])).toEqual([{ id: 5, note: 'five' }]);
  });
});
