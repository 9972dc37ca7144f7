import { describe, expect, it } from 'vitest';
import { SMOKE } from './profiles.ts';
import { toMarkdown } from './report/markdown.ts';
import { runSuite, type BenchResults } from './suite.ts';

// One tiny run of every scenario, so the bench code cannot rot. It checks shapes and that each
// scenario really moved data; it never judges speed (benchmarks do that, in `npm run bench`).
describe('bench smoke run', () => {
  let results: BenchResults;

  it('runs every scenario without errors', async () => {
    results = await runSuite(SMOKE);
    expect(results.errors).toEqual([]);
    // Bounded scenarios, but the machine is shared: the bound is generous.
  }, 300000);

  it('restarts two instances under chat on PostgreSQL, losing nothing (skipped on PGlite)', () => {
    if (!process.env.DATABASE_URL) return void expect(results.restart).toBeNull();
    expect(results.restart).toMatchObject({ instances: 2, lost: 0, duplicated: 0, misordered: 0, undelivered: 0, clientErrors: 0 });
    expect(results.restart!.sent).toBeGreaterThan(0);
    expect(results.restart!.reconnects).toBeGreaterThanOrEqual(4);
  });

  it('moves attachments both ways and measures the upload\'s memory', () => {
    expect(results.attachments).toMatchObject({ files: 1, bytes: 1048576 });
    expect(results.attachments!.uploadMBps).toBeGreaterThan(0);
    expect(results.attachments!.downloadMBps).toBeGreaterThan(0);
    expect(results.attachments!.dbWriteMBps).toBeGreaterThan(0);
    expect(Number.isFinite(results.attachments!.peakGrowthMB)).toBe(true);
  });

  it('chats over the real server and both relays, with every message acked and delivered', () => {
    expect(results.chat).toHaveLength(1);
    const round = results.chat[0];
    for (const r of [round.parley, round.wsRelay, round.socketIo]) {
      expect(r.timedOut).toBe(false);
      expect(r.errors).toBe(0);
      expect(r.acked).toBe(round.messages);
      expect(r.delivered).toBe(round.messages);
      expect(r.latencyMs.count).toBe(round.messages);
      expect(r.latencyMs.p50).toBeGreaterThan(0);
      expect(r.ackedPerSec).toBeGreaterThan(0);
    }
    expect(round.insert.rows).toBe(round.messages);
    expect(round.insert.rowsPerSec).toBeGreaterThan(0);
    expect(round.statement.rows).toBe(round.messages);
    expect(round.statement.rowsPerSec).toBeGreaterThan(0);
  });

  it('fans ticket_created out to every member and every relay listener', () => {
    const f = results.fanout[0];
    expect(f.parley.missed).toBe(0);
    expect(f.parley.deliveryMs.count).toBe(SMOKE.fanout[0] * SMOKE.fanoutEvents);
    expect(f.wsRelay.deliveryMs.count).toBe(SMOKE.fanout[0] * SMOKE.fanoutEvents);
  });

  it('times members coming online with and without customers connected', () => {
    const s = results.staffOnline!;
    expect(s.members).toBe(SMOKE.staffOnline);
    expect(s.aloneMs).toBeGreaterThan(0);
    expect(s.withCustomersMs).toBeGreaterThan(0);
  });

  it('holds the idle sockets and measures their memory', () => {
    const c = results.connections!;
    expect(c.parley.held).toBe(SMOKE.connections[0]);
    expect(c.wsRelay.held).toBe(SMOKE.connections[0]);
    expect(c.parley.idleRssBytes).toBeGreaterThan(0);
    expect(c.parley.idleLiveBytes).toBeGreaterThan(0);
    expect(c.parley.idleLiveBytes).toBeLessThan(c.parley.idleRssBytes);
  });

  it('measures startup, widget weight and the host page', () => {
    expect(results.startup!.coldMs).toBeGreaterThan(0);
    expect(results.startup!.idleRssBytes).toBeGreaterThan(results.startup!.baselineIdleRssBytes / 2);
    const w = results.widget!;
    expect(w.loader.gzip).toBeGreaterThan(0);
    expect(w.loader.brotli).toBeLessThan(w.loader.bytes);
    expect(w.total.gzip).toBeGreaterThanOrEqual(w.loader.gzip);
    expect(w.loadEventWithoutWidgetMs).toBeGreaterThan(0);
    expect(w.loadEventWithEmptyScriptMs).toBeGreaterThan(0);
    expect(Number.isFinite(w.launcherInteractiveMs)).toBe(true);
  });

  it('delivers every webhook event and times the receiver alone', () => {
    const wh = results.webhooks!;
    expect(wh.events).toBe(SMOKE.webhooks.tickets * SMOKE.webhooks.perTicket);
    expect(wh.latency.count).toBe(wh.events);
    expect(wh.deliveriesPerSec).toBeGreaterThan(0);
    expect(wh.receiver.postsPerSec).toBeGreaterThan(0);
  });

  it('sends at a fixed rate to idle-surrounded chats on the server and the relay, every message delivered', () => {
    const o = results.openLoop!;
    for (const run of [o.parley, o.wsRelay]) {
      expect(run.idleHeld).toBe(SMOKE.openLoop.idle);
      expect(run.chats).toBe(SMOKE.openLoop.chats);
      expect(run.rates.map((r) => r.rate)).toEqual(SMOKE.openLoop.rates);
      for (const r of run.rates) {
        expect(r.sent).toBeGreaterThan(0);
        expect(r.errors).toBe(0);
        expect(r.undelivered).toBe(0);
        expect(r.delivered).toBe(r.sent);
        expect(r.latencyMs.count).toBe(r.sent);
        expect(r.latencyMs.p50).toBeGreaterThan(0);
      }
    }
  });

  it('delivers across instances on both buses on PostgreSQL (skipped on PGlite)', () => {
    if (!process.env.DATABASE_URL) return void expect(results.instances).toBeNull();
    const x = results.instances!;
    expect(x.runs.map((r) => `${r.instances} ${r.bus}`)).toEqual(['2 notify', '2 nats']);
    for (const { run } of x.runs) {
      for (const r of run.rates) {
        expect(r.undelivered).toBe(0);
        expect(r.errors).toBe(0);
        expect(r.delivered).toBe(r.sent);
        expect(r.crossMs.count + r.sameMs.count).toBe(r.sent);
        expect(r.crossMs.count).toBeGreaterThan(0);
      }
    }
  });

  it('renders every figure into the Markdown table', () => {
    const md = toMarkdown(results);
    expect(md).toContain('| Figure | Parley |');
    expect(md).toContain('| 2 pairs: messages/s persisted');
    expect(md).toContain('Fan-out');
    expect(md).toContain(`| ${SMOKE.openLoop.rates[0]} msg/s |`);
    expect(md).not.toContain('failed:');
  });
});
