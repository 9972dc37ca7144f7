import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sleep } from '../lib/pool.ts';
import { ADMIN, startParley } from '../lib/parley-server.ts';
import { freePort, repoRoot, spawnChild, spawnNode, waitReady } from '../lib/proc.ts';
import { startRelay } from '../lib/relay.ts';

export interface StartupResult {
  /** First start on an empty data folder: schema migrations and the first admin included. */
  coldMs: number;
  /** Second start on the same folder (what a restart costs). */
  warmMs: number;
  /** `npm start` as a user types it to a ready server, when the bundles must be built (sources changed); null when not measured. */
  npmStartMs: number | null;
  /** `npm start` again: the bundles are up to date, so no build. */
  npmStartAgainMs: number | null;
  /** RSS of the warm server after a short idle. */
  idleRssBytes: number;
  /** Baseline: bare node opening PGlite (first time: creating the database; then reopening it). */
  pgliteColdMs: number;
  pgliteWarmMs: number;
  pgliteIdleRssBytes: number;
  /** Baseline: a bare node + ws process (the relay) from spawn to answering HTTP. */
  baselineMs: number;
  baselineIdleRssBytes: number;
}

/** `npm start` on a fresh data folder, from the command to /readyz answering 200. */
async function timeNpmStart(dataDir: string): Promise<number> {
  const port = await freePort();
  const started = performance.now();
  const child = spawnChild('npm', ['start'], {
    PORT: String(port),
    HOST: '127.0.0.1',
    PARLEY_DATA_DIR: dataDir,
    PARLEY_ADMIN_EMAIL: ADMIN.email,
    PARLEY_ADMIN_PASSWORD: ADMIN.password,
    PARLEY_EXAMPLE_PORT: String(await freePort()),
    DATABASE_URL: undefined,
  });
  try {
    await waitReady(child, `http://127.0.0.1:${port}/readyz`, 120000);
    return performance.now() - started;
  } finally {
    await child.stop();
  }
}

/**
 * Startup on the embedded database: the server itself (`node server/main.ts`, what `npm start` runs
 * after building the bundles) cold and warm, and optionally `npm start` as typed.
 */
export async function measureStartup(idleMs: number, npmStart: boolean): Promise<StartupResult> {
  const dataDir = await mkdtemp(join(tmpdir(), 'parley-bench-start-'));
  try {
    // The first `npm start` finds no record of the sources it was built from, so it builds; the second does not.
    if (npmStart) await rm(join(repoRoot, 'dist/.sources.json'), { force: true });
    const npmStartMs = npmStart ? await timeNpmStart(join(dataDir, 'npm-start')) : null;
    const npmStartAgainMs = npmStart ? await timeNpmStart(join(dataDir, 'npm-start')) : null;
    const cold = await startParley({ embedded: true, dataDir });
    await cold.close();
    const warm = await startParley({ embedded: true, dataDir });
    await sleep(idleMs);
    const idleRssBytes = await warm.child.rssBytes();
    await warm.close();
    const pglite = async () => {
      const port = await freePort();
      const started = performance.now();
      const child = spawnNode(['bench/baselines/pglite-ready.ts'], { PORT: String(port), PARLEY_DATA_DIR: dataDir });
      try {
        await waitReady(child, `http://127.0.0.1:${port}/healthz`, 60000);
        const ms = performance.now() - started;
        await sleep(idleMs);
        return { ms, rss: await child.rssBytes() };
      } finally {
        await child.stop();
      }
    };
    const pgliteCold = await pglite();
    const pgliteWarm = await pglite();
    const relay = await startRelay('ws');
    await sleep(idleMs);
    const baselineIdleRssBytes = await relay.child.rssBytes();
    await relay.close();
    return {
      coldMs: Math.round(cold.startupMs),
      warmMs: Math.round(warm.startupMs),
      npmStartMs: npmStartMs === null ? null : Math.round(npmStartMs),
      npmStartAgainMs: npmStartAgainMs === null ? null : Math.round(npmStartAgainMs),
      idleRssBytes,
      pgliteColdMs: Math.round(pgliteCold.ms),
      pgliteWarmMs: Math.round(pgliteWarm.ms),
      pgliteIdleRssBytes: pgliteWarm.rss,
      baselineMs: Math.round(relay.startupMs),
      baselineIdleRssBytes,
    };
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}
