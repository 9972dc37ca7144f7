import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sleep } from '../lib/pool.ts';
import { startParley } from '../lib/parley-server.ts';
import { startRelay } from '../lib/relay.ts';

export interface StartupResult {
  /** First start on an empty data folder: schema migrations and the first admin included. */
  coldMs: number;
  /** Second start on the same folder (what a restart costs). */
  warmMs: number;
  /** RSS of the warm server after a short idle. */
  idleRssBytes: number;
  /** Baseline: a bare node + ws process (the relay) from spawn to answering HTTP. */
  baselineMs: number;
  baselineIdleRssBytes: number;
}

/** Startup on the embedded database, as `npm start` runs the server (after its bundle build). */
export async function measureStartup(idleMs: number): Promise<StartupResult> {
  const dataDir = await mkdtemp(join(tmpdir(), 'parley-bench-start-'));
  try {
    const cold = await startParley({ embedded: true, dataDir });
    await cold.close();
    const warm = await startParley({ embedded: true, dataDir });
    await sleep(idleMs);
    const idleRssBytes = await warm.child.rssBytes();
    await warm.close();
    const relay = await startRelay('ws');
    await sleep(idleMs);
    const baselineIdleRssBytes = await relay.child.rssBytes();
    await relay.close();
    return {
      coldMs: Math.round(cold.startupMs),
      warmMs: Math.round(warm.startupMs),
      idleRssBytes,
      baselineMs: Math.round(relay.startupMs),
      baselineIdleRssBytes,
    };
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}
