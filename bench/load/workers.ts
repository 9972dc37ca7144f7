/**
 * The parent's side of the open-loop load workers (bench/load/worker.ts): each is its own process,
 * so the load generator is not the bottleneck of the server it measures, and runs at one combined
 * rate are split over them and merged back into one set of figures.
 */
import { cpuMsOf, spawnNode, type Child } from '../lib/proc.ts';
import { readWriterSums, writerFigures, type WriterFigures } from '../lib/server-metrics.ts';
import { summarize, type Latency } from '../lib/stats.ts';
import type { OpenReport, RunReport, WorkerPlan, WorkerReply, WorkerRequest } from './plan.ts';

type Command = WorkerRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

export class LoadWorker {
  readonly child: Child;
  private nextId = 1;
  private readonly waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();

  private constructor(child: Child) {
    this.child = child;
    child.process.on('message', (reply: WorkerReply) => {
      const w = this.waiting.get(reply.id);
      this.waiting.delete(reply.id);
      if (reply.ok) w?.resolve(reply.value);
      else w?.reject(new Error(`load worker: ${reply.error}`));
    });
    child.process.once('exit', (code) => {
      for (const w of this.waiting.values()) w.reject(new Error(`load worker exited (${code}):\n${child.output().slice(-2000)}`));
      this.waiting.clear();
    });
  }

  static start(): LoadWorker {
    return new LoadWorker(spawnNode(['bench/load/worker.ts'], {}, { ipc: true }));
  }

  private call<T>(cmd: Command): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.waiting.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.child.process.send({ id, ...cmd });
    });
  }

  open = (plan: WorkerPlan) => this.call<OpenReport>({ cmd: 'open', plan });
  run = (rate: number, windowMs: number, drainCapMs: number) => this.call<RunReport>({ cmd: 'run', run: { rate, windowMs, drainCapMs } });
  async close(): Promise<void> {
    if (this.child.process.connected) await Promise.race([this.call({ cmd: 'close' }).catch(() => {}), new Promise((r) => setTimeout(r, 5000))]);
    await this.child.stop();
    if (process.env.BENCH_LOAD_DEBUG) console.error(this.child.output());
  }
}

/** One rate of an open-loop run, all workers together. */
export interface RateResult {
  /** The combined rate asked for, messages per second. */
  rate: number;
  /** What was really sent per second over the window. */
  achievedRate: number;
  sent: number;
  delivered: number;
  errors: number;
  undelivered: number;
  /** Of those, on chats that cross instances. */
  undeliveredCross: number;
  /** Send → delivered to the other side, every chat. */
  latencyMs: Latency;
  /** The same for chats whose two sides are on one instance, and on different instances. */
  sameMs: Latency;
  crossMs: Latency;
  /** The generator's lag behind its schedule, p99 ms (it must stay small for the rate to be real). */
  lagP99Ms: number;
  drainMs: number;
  /** Messages in flight kept growing through the window. */
  backlogGrowing: boolean;
  /** The generator sent the rate: at least the expected count less three standard deviations of a Poisson count (and 95 %). */
  rateAchieved: boolean;
  /** The rate was sent and every message arrived. */
  achieved: boolean;
  /** CPU of the load workers, and of the server processes, over the run (100 = one core). */
  generatorCpuPct: number;
  serverCpuPct: number;
  /** Parley's message writer over the run, from its /metrics (null for a relay, which has none). */
  writer: WriterFigures | null;
}

const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);

/** Runs every worker at its share of `rate` at once and merges what they saw. */
export async function runRate(workers: LoadWorker[], serverPids: number[], rate: number, windowMs: number, drainCapMs: number, metricsUrls: string[] = []): Promise<RateResult> {
  const serverCpu = async () => (await Promise.all(serverPids.map(cpuMsOf))).reduce((a, b) => a + b, 0);
  const writerBefore = metricsUrls.length ? await readWriterSums(metricsUrls) : null;
  const cpuBefore = await serverCpu();
  const started = performance.now();
  const reports = await Promise.all(workers.map((w) => w.run(rate / workers.length, windowMs, drainCapMs)));
  const elapsed = performance.now() - started;
  const serverMs = (await serverCpu()) - cpuBefore;
  const writerAfter = metricsUrls.length ? await readWriterSums(metricsUrls) : null;
  const sum = (get: (r: RunReport) => number) => reports.reduce((a, r) => a + get(r), 0);
  const sent = sum((r) => r.sent);
  const window = Math.max(...reports.map((r) => r.windowMs));
  // In flight per 500 ms sample, all workers together; growing = the last third well above the first.
  const samples = Math.min(...reports.map((r) => r.outstanding.length));
  const outstanding = Array.from({ length: samples }, (_, i) => sum((r) => r.outstanding[i]));
  const third = Math.max(1, Math.floor(samples / 3));
  const first = mean(outstanding.slice(0, third));
  const last = mean(outstanding.slice(-third));
  const backlogGrowing = samples >= 3 && last > 2 * first && last > rate * 0.05;
  const same = reports.flatMap((r) => r.sameMs);
  const cross = reports.flatMap((r) => r.crossMs);
  const errors = sum((r) => r.errors);
  const undelivered = sum((r) => r.undelivered);
  const achievedRate = Math.round((sent * 1000) / window);
  const expected = (rate * window) / 1000;
  const rateAchieved = sent >= Math.min(expected * 0.95, expected - 3 * Math.sqrt(expected));
  return {
    rate,
    achievedRate,
    sent,
    delivered: sum((r) => r.delivered),
    errors,
    undelivered,
    undeliveredCross: sum((r) => r.undeliveredCross),
    latencyMs: summarize([...same, ...cross]),
    sameMs: summarize(same),
    crossMs: summarize(cross),
    lagP99Ms: summarize(reports.flatMap((r) => r.lagMs)).p99,
    drainMs: Math.round(Math.max(...reports.map((r) => r.drainMs))),
    backlogGrowing,
    rateAchieved,
    achieved: rateAchieved && errors === 0 && undelivered === 0,
    generatorCpuPct: Math.round((sum((r) => r.cpuMs) / elapsed) * 100),
    serverCpuPct: Math.round((serverMs / elapsed) * 100),
    writer: writerFigures(writerBefore, writerAfter),
  };
}
