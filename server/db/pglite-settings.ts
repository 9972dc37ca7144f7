import { PGlite } from '@electric-sql/pglite';

/**
 * PostgreSQL settings for the embedded database, on top of PGlite's own start parameters. Memory of
 * a WebAssembly instance never goes back to the OS, and PGlite's defaults are a server's:
 * shared_buffers of 128 MB is mostly resident from the start (over 100 MiB of the idle process), and
 * maintenance_work_mem of 64 MB is kept once a migration's index build used it. The buffers cache
 * table pages, so fewer only means more page reads through the file system (the OS caches those);
 * nothing about writing changes: WAL, full_page_writes and synchronous_commit stay as PGlite sets
 * them. Measured with the bench's `startup` scenario (idle RSS 394 → 282 MiB) and `chat` (the same
 * server CPU per message at 100 pairs); README, "Benchmarks".
 */
export const PGLITE_SETTINGS: Readonly<Record<string, string>> = {
  shared_buffers: '16MB',
  maintenance_work_mem: '16MB',
};

export const pgliteStartParams = (settings: Readonly<Record<string, string>> = PGLITE_SETTINGS): string[] => [
  ...PGlite.defaultStartParams,
  ...Object.entries(settings).flatMap(([k, v]) => ['-c', `${k}=${v}`]),
];
