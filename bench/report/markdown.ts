import type { Latency } from '../lib/stats.ts';
import type { RateResult } from '../load/workers.ts';
import type { BenchResults } from '../suite.ts';

type Row = [figure: string, ours: string, baseline: string, ratio: string];

const n = (v: number) => (Number.isFinite(v) ? v.toLocaleString('en-US', { maximumFractionDigits: v < 10 ? 2 : v < 100 ? 1 : 0 }) : 'n/a');
const ratio = (a: number, b: number) => (b > 0 && Number.isFinite(a) ? (a / b).toFixed(a / b < 10 ? 2 : 1) : 'n/a');
const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MiB`;

function rows(r: BenchResults): Row[] {
  const out: Row[] = [];
  for (const f of r.fanout) {
    out.push([`Fan-out to ${n(f.listeners)} members: creating the ticket (HTTP), p50 / p99 ms`, `${n(f.parley.triggerMs.p50)} / ${n(f.parley.triggerMs.p99)}`, 'n/a (part of the figure below)', 'n/a']);
    out.push([`Fan-out: ticket_created to ${n(f.listeners)} members, p50 / p99 ms`, `${n(f.parley.deliveryMs.p50)} / ${n(f.parley.deliveryMs.p99)}`, `${n(f.wsRelay.deliveryMs.p50)} / ${n(f.wsRelay.deliveryMs.p99)} (bare ws broadcast)`, `${ratio(f.parley.deliveryMs.p50, f.wsRelay.deliveryMs.p50)} / ${ratio(f.parley.deliveryMs.p99, f.wsRelay.deliveryMs.p99)}`]);
  }
  const so = r.staffOnline;
  if (so) {
    out.push([`Members coming online: ${n(so.members)} staff sockets ready, with ${n(so.customers)} customers connected, ms`, n(so.withCustomersMs), `${n(so.aloneMs)} (the same with no customer connected)`, ratio(so.withCustomersMs, so.aloneMs)]);
    out.push(['Members coming online: presence frames per connected customer', n(so.presenceFramesPerCustomer), `${n(so.members)} (one per member)`, ratio(so.presenceFramesPerCustomer, so.members)]);
  }
  const c = r.connections;
  if (c) {
    out.push(['Connections: idle authenticated sockets held (of the levels tried; one process may open 20,000 files here)', n(c.parley.held), `${n(c.wsRelay.held)} (bare ws relay)`, ratio(c.parley.held, c.wsRelay.held)]);
    for (const level of c.parley.levels) {
      const base = c.wsRelay.levels.find((l) => l.target === level.target);
      const vs = (get: (l: typeof level) => number, show: (v: number) => string): [string, string] =>
        base ? [`${show(get(base))} (bare ws relay)`, ratio(get(level), get(base))] : ['n/a', 'n/a'];
      out.push([`Connections: sockets opened and authenticated per second, up to ${n(level.target)}`, n(level.openedPerSec), ...vs((l) => l.openedPerSec, n)]);
      out.push([`Connections: server live memory per socket at ${n(level.target)} (heap + external after GC)`, kib(level.bytesPerSocket), ...vs((l) => l.bytesPerSocket, kib)]);
      out.push([`Connections: server RSS growth per socket at ${n(level.target)}`, kib(level.rssBytesPerSocket), ...vs((l) => l.rssBytesPerSocket, kib)]);
    }
  }
  const s = r.startup;
  if (s) {
    const node = `${n(s.baselineMs)} (bare node + ws process)`;
    if (s.npmStartMs !== null) out.push(['`npm start` to ready, sources changed (bundle build included), first start ms', n(s.npmStartMs), node, ratio(s.npmStartMs, s.baselineMs)]);
    if (s.npmStartAgainMs) out.push(['`npm start` to ready, bundles up to date (no build), restart ms', n(s.npmStartAgainMs), `${n(s.warmMs)} (\`node server/main.ts\`, restart)`, ratio(s.npmStartAgainMs, s.warmMs)]);
    out.push(['Server start to ready (`node server/main.ts`), embedded database, first start ms', n(s.coldMs), `${n(s.pgliteColdMs)} (bare node creating a PGlite database)`, ratio(s.coldMs, s.pgliteColdMs)]);
    out.push(['Server start to ready, embedded database, first start ms', n(s.coldMs), node, ratio(s.coldMs, s.baselineMs)]);
    out.push(['Server start to ready, embedded database, restart ms', n(s.warmMs), `${n(s.pgliteWarmMs)} (bare node reopening a PGlite database)`, ratio(s.warmMs, s.pgliteWarmMs)]);
    out.push(['Idle server memory (RSS), embedded database', mib(s.idleRssBytes), `${mib(s.pgliteIdleRssBytes)} (bare node with PGlite open)`, ratio(s.idleRssBytes, s.pgliteIdleRssBytes)]);
    out.push(['Idle server memory (RSS), embedded database', mib(s.idleRssBytes), `${mib(s.baselineIdleRssBytes)} (bare node + ws process)`, ratio(s.idleRssBytes, s.baselineIdleRssBytes)]);
  }
  const rr = r.restart;
  if (rr) {
    const what = `${n(rr.pairs)} pairs chatting, ${n(rr.instances)} instances on PostgreSQL restarted in turn (SIGTERM, start again)`;
    out.push([`Rolling restart, ${what}: time without a socket per reconnect, p50 / p99 / max ms`, `${n(rr.gap.p50)} / ${n(rr.gap.p99)} / ${n(rr.gap.max)} (${n(rr.reconnects)} reconnects)`, 'n/a', 'n/a']);
    out.push([`Rolling restart, ${what}: messages sent / stored / lost / duplicated / undelivered; client errors`, `${n(rr.sent)} / ${n(rr.stored)} / ${n(rr.lost)} / ${n(rr.duplicated)} / ${n(rr.undelivered)}; ${n(rr.clientErrors)}`, 'n/a', 'n/a']);
  }
  const w = r.widget;
  if (w) {
    const peer = `(socket.io-client alone)`;
    out.push(['Widget loader gzip / brotli', `${n(w.loader.gzip)} / ${n(w.loader.brotli)} B`, `${n(w.peerClient.gzip)} / ${n(w.peerClient.brotli)} B ${peer}`, `${ratio(w.loader.gzip, w.peerClient.gzip)} / ${ratio(w.loader.brotli, w.peerClient.brotli)}`]);
    out.push([`Widget, everything loaded through opening (${w.all.length} files) gzip / brotli`, `${n(w.total.gzip)} / ${n(w.total.brotli)} B`, `${n(w.peerClient.gzip)} / ${n(w.peerClient.brotli)} B ${peer}`, `${ratio(w.total.gzip, w.peerClient.gzip)} / ${ratio(w.total.brotli, w.peerClient.brotli)}`]);
    const enc = [...new Set(Object.values(w.servedEncodings))].join(', ');
    out.push([`Widget on the wire as served by the server (Content-Encoding: ${enc}), loader / everything`, `${n(w.served.loader)} / ${n(w.served.total)} B`, `${n(w.loader.gzip)} / ${n(w.total.gzip)} B (the same files gzipped)`, `${ratio(w.served.loader, w.loader.gzip)} / ${ratio(w.served.total, w.total.gzip)}`]);
    out.push(['Host page load event ms (median)', n(w.loadEventWithWidgetMs), `${n(w.loadEventWithoutWidgetMs)} (same page without the widget)`, ratio(w.loadEventWithWidgetMs, w.loadEventWithoutWidgetMs)]);
    out.push(['Host page load event ms (median)', n(w.loadEventWithWidgetMs), `${n(w.loadEventWithEmptyScriptMs)} (same page, an async script of the loader's size doing nothing, from another origin)`, ratio(w.loadEventWithWidgetMs, w.loadEventWithEmptyScriptMs)]);
    out.push(['Load event -> launcher interactive ms (median)', n(w.launcherAfterLoadMs), '0 (the page is done at its load event)', 'n/a']);
    out.push(['Launcher click -> panel open ms (median)', n(w.openMs), 'n/a', 'n/a']);
  }
  const wh = r.webhooks;
  if (wh) {
    const what = `${n(wh.events)} message.created events over ${n(wh.tickets)} tickets to a local receiver`;
    out.push([`Webhooks, ${what}: deliveries per second`, n(wh.deliveriesPerSec), `${n(wh.receiver.postsPerSec)} (the receiver's own rate: bare POSTs, ${n(wh.receiver.concurrency)} at once)`, ratio(wh.deliveriesPerSec, wh.receiver.postsPerSec)]);
    out.push([`Webhooks, ${what}: committed message to delivery received, p50 / p99 ms`, `${n(wh.latency.p50)} / ${n(wh.latency.p99)}`, 'n/a', 'n/a']);
  }
  const at = r.attachments;
  if (at) {
    const what = `${n(at.files)} × ${n(at.bytes / 1048576)} MB`;
    out.push([`Attachments, ${what}: upload MB/s`, n(at.uploadMBps), `${n(at.dbWriteMBps)} (the database writing the same 256 KiB bytea rows itself)`, ratio(at.uploadMBps, at.dbWriteMBps)]);
    out.push([`Attachments, ${what}: download MB/s`, n(at.downloadMBps), 'n/a', 'n/a']);
    out.push([`Attachments: peak JS memory growth during one ${n(at.bytes / 1048576)} MB upload (the server's process; curl sends), MB`, n(at.peakGrowthMB), `${n(at.bytes / 1048576)} (the file once)`, ratio(at.peakGrowthMB, at.bytes / 1048576)]);
  }
  const wr = r.widgetRender;
  if (wr) {
    const { launcher: wl, withWidget: ww, withoutWidget: wo } = wr.load;
    out.push(['Host page to its load event with the widget closed (launcher drawn), median of 5 loads: script / task ms', `${n(wl.scriptMs)} / ${n(wl.taskMs)}`, `${n(wo.scriptMs)} / ${n(wo.taskMs)} (same page without the widget, median of 5)`, ratio(wl.scriptMs, wo.scriptMs)]);
    out.push([`Widget's own script ms at load, widget closed (with minus without; target 10)`, n(Math.round((wl.scriptMs - wo.scriptMs) * 10) / 10), 'n/a', 'n/a']);
    out.push([`Host page, navigation to a returning customer's open ${n(wr.history)}-message conversation (launcher clicked): script / task ms`, `${n(ww.scriptMs)} / ${n(ww.taskMs)}`, `${n(wo.scriptMs)} / ${n(wo.taskMs)} (same page without the widget, load event)`, ratio(ww.scriptMs, wo.scriptMs)]);
    for (const [what, ph] of [['incoming messages', wr.messages], ['typing events (then one message)', wr.typing]] as const) {
      out.push([`Widget, ${n(ph.events)} ${what} applied to an open ${n(wr.history)}-message conversation: script / task ms`, `${n(ph.scriptMs)} / ${n(ph.taskMs)}`, 'n/a', 'n/a']);
    }
  }
  return out;
}

/** Chat: every figure of Parley next to the bare ws relay, the Socket.IO relay and the database. */
function chatTable(r: BenchResults): string[] {
  const lines = [
    '| Chat | Parley | bare ws relay | Parley ÷ ws | Socket.IO relay | Parley ÷ Socket.IO | database inserts | Parley ÷ database |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const c of r.chat) {
    const [p, w, s] = [c.parley, c.wsRelay, c.socketIo];
    const at = `${n(c.pairs)} pairs`;
    const row = (figure: string, get: (x: typeof p) => number, db?: number) =>
      `| ${at}: ${figure} | ${n(get(p))} | ${n(get(w))} | ${ratio(get(p), get(w))} | ${n(get(s))} | ${ratio(get(p), get(s))} | ${db === undefined ? '' : n(db)} | ${db === undefined ? '' : ratio(get(p), db)} |`;
    lines.push(row('messages/s persisted (acked)', (x) => x.ackedPerSec, c.insert.rowsPerSec));
    lines.push(row('messages/s persisted, vs one numbered message per statement (seq bump + insert)', (x) => x.ackedPerSec, c.statement.rowsPerSec));
    lines.push(row('messages/s delivered', (x) => x.deliveredPerSec));
    lines.push(row('latency p50 ms', (x) => x.latencyMs.p50));
    lines.push(row('latency p95 ms', (x) => x.latencyMs.p95));
    lines.push(row('latency p99 ms', (x) => x.latencyMs.p99));
    lines.push(row('server CPU ms / message', (x) => x.serverCpuMsPerMessage ?? NaN));
    lines.push(row('load generator CPU ms / message', (x) => x.clientCpuMsPerMessage));
  }
  return lines;
}

const lat = (l: Latency) => `${n(l.p50)} / ${n(l.p95)} / ${n(l.p99)} / ${n(l.max)}`;
/** How a rate went: what was sent, and whatever did not arrive or was not sent in full. */
const outcome = (x: RateResult) =>
  `${n(x.achievedRate)}/s${x.rateAchieved ? '' : ' (rate not achieved)'}; ${n(x.undelivered)} undelivered, ${n(x.errors)} refused${x.backlogGrowing ? ', backlog growing' : ''}`;

/** How Parley's message writer batched each chat round. */
function writerLines(r: BenchResults): string[] {
  const rounds = r.chat.filter((c) => c.writer);
  if (!rounds.length) return [];
  return [`Parley's message writer: ${rounds.map((c) => `${n(c.pairs)} pairs, ${n(c.writer!.batches)} batch statements of ${n(c.writer!.messagesPerBatch)} messages, ${n(c.writer!.batchMs)} ms each, receive → ack ${n(c.writer!.ackMs)} ms`).join('; ')}.`, ''];
}

const writer = (x: RateResult) => (x.writer ? `${n(x.writer.messagesPerBatch)}, ${n(x.writer.batchMs)}, ${n(x.writer.ackMs)}` : 'n/a');

/** Open loop: per rate, Parley's latency beside the bare ws relay's under the same load. */
function openLoopTable(r: BenchResults): string[] {
  const o = r.openLoop;
  if (!o) return [];
  const lines = [
    `| Open loop: ${n(o.idle)} idle customer sockets, ${n(o.chats)} chats, ${n(o.members)} members; rate (Poisson) | Parley sent; lost | Parley send → delivered p50 / p95 / p99 / max ms | bare ws relay sent; lost | bare ws relay p50 / p95 / p99 / max ms | Parley ÷ ws p50 / p99 | generator lag p99 ms, CPU % (Parley run) | server CPU % | Parley's writer: messages per batch, ms per batch statement, receive → ack ms |`,
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const p of o.parley.rates) {
    const w = o.wsRelay.rates.find((x) => x.rate === p.rate);
    const ws = w ? [outcome(w), lat(w.latencyMs), `${ratio(p.latencyMs.p50, w.latencyMs.p50)} / ${ratio(p.latencyMs.p99, w.latencyMs.p99)}`] : ['n/a', 'n/a', 'n/a'];
    lines.push(`| ${n(p.rate)} msg/s | ${outcome(p)} | ${lat(p.latencyMs)} | ${ws.join(' | ')} | ${n(p.lagP99Ms)}, ${n(p.generatorCpuPct)} | ${n(p.serverCpuPct)}${w ? ` (relay ${n(w.serverCpuPct)})` : ''} | ${writer(p)} |`);
  }
  const skipped = [...o.parley.skipped, ...o.wsRelay.skipped];
  lines.push(
    '',
    `Open loop on ${o.database === 'postgresql' ? 'PostgreSQL' : 'PGlite'}: ${n(o.parley.idleHeld)} idle sockets held (${n(o.parley.idleFailed)} failed; relay ${n(o.wsRelay.idleHeld)}), ` +
      `${n(o.windowMs / 1000)} s per rate, messages to random chats and sides, not waiting for acks; load from worker processes of their own.` +
      (skipped.length ? ` Not run (time cap): ${skipped.join(', ')} msg/s.` : ''),
    '',
  );
  return lines;
}

/** Several instances: same- and cross-instance delivery per rate on each bus, and where each stopped keeping up. */
function instancesTable(r: BenchResults): string[] {
  const x = r.instances;
  if (!x) return [];
  const bus = (b: string) => (b === 'nats' ? 'NATS' : 'LISTEN/NOTIFY');
  const lines = [
    `| Instances on one PostgreSQL (${n(x.chats)} chats, ${n(x.members)} members; customers on instance 1, members round-robin) | rate (Poisson) | sent; lost | same instance p50 / p99 ms | cross instance p50 / p99 ms | generator lag p99 ms | servers' CPU % | writers: messages per batch, ms per batch statement, receive → ack ms |`,
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const run of x.runs) {
    for (const q of run.run.rates) {
      lines.push(`| ${run.instances} instances, ${bus(run.bus)} | ${n(q.rate)} msg/s | ${outcome(q)} | ${n(q.sameMs.p50)} / ${n(q.sameMs.p99)} | ${n(q.crossMs.p50)} / ${n(q.crossMs.p99)} | ${n(q.lagP99Ms)} | ${n(q.serverCpuPct)} | ${writer(q)} |`);
    }
  }
  lines.push('');
  for (const run of x.runs) {
    const top = run.run.rates.at(-1)?.rate;
    const verdict = run.brokeAt !== null ? `kept up to ${run.ceiling === null ? 'none of the rates' : `${n(run.ceiling)} msg/s`}; at ${n(run.brokeAt)} msg/s ${run.why}` : `kept up at every rate run (to ${n(top ?? 0)} msg/s)`;
    lines.push(`- ${run.instances} instances, ${bus(run.bus)}: ${verdict} (keeping up: p99 ≤ ${n(x.p99LimitMs)} ms, no growing backlog, nothing lost).${run.run.skipped.length ? ` Not run: ${run.run.skipped.join(', ')} msg/s.` : ''}`);
  }
  lines.push('');
  return lines;
}

/** The Markdown the README shows: the tables, the machine, and any scenario that failed. */
export function toMarkdown(r: BenchResults): string {
  const m = r.machine;
  const db = r.chat[0]?.insert;
  const others = rows(r).map((row) => `| ${row.join(' | ')} |`);
  const lines = [
    ...(r.chat.length ? [...chatTable(r), '', ...writerLines(r), `Each side sends its next message when the previous one is acknowledged. Database inserts: ${db ? `${db.database === 'postgresql' ? 'PostgreSQL' : 'PGlite'} single-row autocommit inserts of the same message rows into the server's messages table shape, ${db.concurrency > 1 ? `${db.concurrency} connections` : 'one connection'}` : 'n/a'}.`, ''] : []),
    ...openLoopTable(r),
    ...instancesTable(r),
    ...(others.length ? [`| Figure | Parley | Baseline (same run) | Parley ÷ baseline |`, `| --- | ---: | ---: | ---: |`, ...others, ''] : []),
    `Machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB, ${m.os}, Node ${m.node}; database: ${m.database}. ` +
      `Server, relays and load generator on one machine over loopback. Run ${r.startedAt} (${r.profile}, ${Math.round(r.durationMs / 1000)} s).`,
  ];
  for (const c of r.chat) {
    const bad = [c.parley, c.wsRelay, c.socketIo].filter((x) => x.timedOut || x.errors > 0 || x.delivered < x.acked);
    for (const x of bad) lines.push(`- ${x.transport}, ${x.pairs} pairs: ${x.acked}/${x.sent} acked, ${x.delivered} delivered, ${x.errors} errors${x.timedOut ? ', hit the time cap' : ''}.`);
    if (c.dbPerMessage) lines.push(`- ${c.pairs} pairs, database work per message: ${c.dbPerMessage.commits} commits, ${c.dbPerMessage.inserted} rows inserted, ${c.dbPerMessage.updated} updated, ${c.dbPerMessage.fetched} fetched.`);
  }
  for (const e of r.errors) lines.push(`- ${e.scenario} failed: ${e.message.split('\n')[0]}`);
  return lines.join('\n') + '\n';
}
