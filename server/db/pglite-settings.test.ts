import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from './orm.ts';
import { PGLITE_SETTINGS } from './pglite-settings.ts';

describe('the embedded database runs with its memory settings', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'parley-pglite-settings-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('applies them, and what it stored is there after reopening', async () => {
    const db = await openDatabase({ databaseUrl: null, dataDir });
    try {
      for (const [name, value] of Object.entries(PGLITE_SETTINGS)) {
        const [row] = await db.sql<Record<string, string>>(`show ${name}`);
        expect(Object.values(row!)[0]).toBe(value);
      }
      await db.sql('create table probe_rows (id int primary key)');
      await db.sql('insert into probe_rows (id) values (1)');
    } finally {
      await db.close();
    }
    const again = await openDatabase({ databaseUrl: null, dataDir });
    try {
      expect(await again.sql('select id from probe_rows')).toEqual([{ id: 1 }]);
    } finally {
      await again.close();
    }
  });
});
