/** Opens a layout's sockets in load workers and steps through rates, bounded in time; always stops the workers. */
import { withTimeout } from '../lib/pool.ts';
import type { WorkerPlan } from './plan.ts';
import { LoadWorker, runRate, type RateResult } from './workers.ts';

export interface LoadSteps {
  rates: number[];
  windowMs: number;
  drainCapMs: number;
  /** Opening every socket must finish within this. */
  openCapMs: number;
  /** No new rate starts after this long (the rates not run are listed as skipped). */
  capMs: number;
  /** Stop stepping after a rate for which this holds (e.g. the ceiling was found). */
  stopAfter?: (r: RateResult) => boolean;
  /** Parley servers' base URLs: their /metrics tell how the message writer batched each rate. */
  metricsUrls?: string[];
  log?: (line: string) => void;
}

export interface LoadRun {
  idleHeld: number;
  idleFailed: number;
  chats: number;
  openMs: number;
  firstError: string | null;
  rates: RateResult[];
  /** Rates not run: the time cap or the stop condition came first. */
  skipped: number[];
}

export async function driveLoad(plans: { chat: WorkerPlan[]; idle: WorkerPlan[] }, serverPids: number[], steps: LoadSteps): Promise<LoadRun> {
  const log = steps.log ?? (() => {});
  const started = performance.now();
  const idleWorkers = plans.idle.map(() => LoadWorker.start());
  const chatWorkers = plans.chat.map(() => LoadWorker.start());
  try {
    const opening = (async () => {
      const idle = await Promise.all(idleWorkers.map((w, i) => w.open(plans.idle[i])));
      const chat = await Promise.all(chatWorkers.map((w, i) => w.open(plans.chat[i])));
      return { idle, chat };
    })();
    const opened = await withTimeout(opening, steps.openCapMs, 'opening the sockets');
    const all = [...opened.idle, ...opened.chat];
    const run: LoadRun = {
      idleHeld: opened.idle.reduce((a, r) => a + r.idle, 0),
      idleFailed: opened.idle.reduce((a, r) => a + r.idleFailed, 0),
      chats: plans.chat.reduce((a, p) => a + p.chats.length, 0),
      openMs: Math.round(performance.now() - started),
      firstError: all.find((r) => r.firstError)?.firstError ?? null,
      rates: [],
      skipped: [],
    };
    const chatFailed = opened.chat.reduce((a, r) => a + r.failed, 0);
    if (chatFailed) throw new Error(`${chatFailed} chat sockets did not open: ${run.firstError}`);
    log(`  ${run.idleHeld} idle sockets (${run.idleFailed} failed) and ${run.chats} chats open in ${(run.openMs / 1000).toFixed(1)} s`);
    for (const [i, rate] of steps.rates.entries()) {
      if (performance.now() - started > steps.capMs) {
        run.skipped = steps.rates.slice(i);
        break;
      }
      const r = await runRate(chatWorkers, serverPids, rate, steps.windowMs, steps.drainCapMs, steps.metricsUrls);
      run.rates.push(r);
      log(`  ${rate}/s: sent ${r.achievedRate}/s, p50 ${r.latencyMs.p50} p99 ${r.latencyMs.p99} max ${r.latencyMs.max} ms, undelivered ${r.undelivered}, errors ${r.errors}, lag p99 ${r.lagP99Ms} ms, cpu gen ${r.generatorCpuPct}% server ${r.serverCpuPct}%${r.writer ? `; writer ${r.writer.batches} batches of ${r.writer.messagesPerBatch}, ${r.writer.batchMs} ms each, ack ${r.writer.ackMs} ms` : ''}`);
      if (steps.stopAfter?.(r)) {
        run.skipped = steps.rates.slice(i + 1);
        break;
      }
    }
    return run;
  } finally {
    await Promise.all([...chatWorkers, ...idleWorkers].map((w) => w.close()));
  }
}
