import { existsSync, renameSync, rmSync } from 'node:fs';
import { readFile, writeFile, rename } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import type { Database } from '../db/orm.ts';

/**
 * Backups of the embedded database: a gzipped tarball of PGlite's data folder (PGlite's
 * `dumpDataDir`). The tar is read in one synchronous step, so it is a point-in-time copy, like a
 * snapshot of a crashed PostgreSQL: opening it replays the write-ahead log up to the last commit.
 * A CHECKPOINT first keeps that replay short.
 */
export async function dumpRunning(db: Database): Promise<Buffer> {
  await db.sql('checkpoint');
  const native = await (db.orm.em.getConnection() as unknown as { getNativeClient(): Promise<PGlite> }).getNativeClient();
  return Buffer.from(await (await native.dumpDataDir('gzip')).arrayBuffer());
}

/** The same from a data folder no server has open. */
export async function dumpStopped(dir: string): Promise<Buffer> {
  if (!existsSync(dir)) throw new Error(`no embedded database in ${dir}`);
  const pg = await PGlite.create({ dataDir: dir });
  try {
    await pg.exec('checkpoint');
    return Buffer.from(await (await pg.dumpDataDir('gzip')).arrayBuffer());
  } finally {
    await pg.close();
  }
}

/** Writes to `file.partial` first, so a failed backup never leaves a truncated file under the real name. */
export async function writeArchive(file: string, bytes: Buffer): Promise<void> {
  await writeFile(`${file}.partial`, bytes);
  await rename(`${file}.partial`, file);
}

/**
 * Replaces the data folder `dir` by the archive's content. The folder it replaces is kept beside it
 * (returned), and put back if the archive cannot be opened.
 */
export async function restoreStopped(dir: string, file: string): Promise<string | null> {
  const bytes = await readFile(file);
  if (!(bytes[0] === 0x1f && bytes[1] === 0x8b)) throw new Error(`${file} is not a Parley backup (expected a gzipped tarball)`);
  const kept = existsSync(dir) ? `${dir}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}` : null;
  if (kept) renameSync(dir, kept);
  try {
    const pg = await PGlite.create({ dataDir: dir, loadDataDir: new Blob([bytes], { type: 'application/x-gzip' }) });
    try {
      await pg.query('select count(*) from mikro_orm_migrations');
    } finally {
      await pg.close();
    }
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
    if (kept) renameSync(kept, dir);
    throw new Error(`could not restore ${file}: ${(err as Error).message}`);
  }
  return kept;
}
