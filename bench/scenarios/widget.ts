import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { chromium, type Browser } from 'playwright-core';
import { repoRoot } from '../lib/proc.ts';
import { median } from '../lib/stats.ts';
import type { HostPage } from './host-page.ts';

export interface AssetSize {
  path: string;
  bytes: number;
  gzip: number;
  brotli: number;
}

export interface WidgetResult {
  loader: AssetSize;
  /** Everything the widget fetched from the server (loader, app, chunks, styles) through opening it. */
  all: AssetSize[];
  total: { bytes: number; gzip: number; brotli: number };
  /** Content-Encoding the server answered with for each file ('identity' when none). */
  servedEncodings: Record<string, string>;
  /** Bytes on the wire (encoded body) of the loader and of everything, as the browser received them. */
  served: { loader: number; total: number };
  /** The seed's transport client alone (socket.io-client's minified browser bundle), for scale. */
  peerClient: AssetSize;
  runs: number;
  /** Medians over the runs, ms from navigation start. */
  loadEventWithoutWidgetMs: number;
  loadEventWithWidgetMs: number;
  /** The same page with an async script of the loader's size that does nothing, from another origin. */
  loadEventWithEmptyScriptMs: number;
  launcherInteractiveMs: number;
  /** Launcher interactive minus the load event of the same page (negative: before the load event). */
  launcherAfterLoadMs: number;
  /** Click on the launcher -> the panel is in the widget's shadow root. */
  openMs: number;
}

export const sizeOf = (path: string, body: Buffer): AssetSize => ({
  path,
  bytes: body.length,
  gzip: gzipSync(body, { level: 9 }).length,
  brotli: brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } }).length,
});

export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

// Runs in the page before its own scripts: notes the load event and the first moment the launcher
// is laid out and clickable (checked on every DOM mutation and every frame).
const PROBE = `(() => {
  const b = (window.__bench = {});
  addEventListener('load', () => (b.load = performance.now()));
  const check = () => {
    if (b.launcher) return true;
    const btn = document.querySelector('parley-widget')?.shadowRoot?.querySelector('button');
    if (btn && !btn.disabled && btn.getBoundingClientRect().width > 0) b.launcher = performance.now();
    return !!b.launcher;
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true });
  const frame = () => check() || requestAnimationFrame(frame);
  requestAnimationFrame(frame);
})()`;

type Probe = { load?: number; launcher?: number };

async function visit(browser: Browser, url: string, server: string, withWidget: boolean) {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.addInitScript(PROBE);
    const assets = new Map<string, Buffer>();
    const encodings: Record<string, string> = {};
    const wire: Record<string, number> = {};
    page.on('response', async (res) => {
      const type = res.request().resourceType();
      if (!res.url().startsWith(server) || !['script', 'stylesheet', 'font', 'image'].includes(type)) return;
      const path = new URL(res.url()).pathname;
      encodings[path] = (await res.headerValue('content-encoding')) ?? 'identity';
      assets.set(path, await res.body().catch(() => Buffer.alloc(0)));
      wire[path] = (await res.request().sizes().catch(() => ({ responseBodySize: 0 }))).responseBodySize;
    });
    await page.goto(url, { waitUntil: 'load' });
    if (!withWidget) return { probe: (await page.evaluate('window.__bench')) as Probe, assets, encodings, wire, openMs: 0 };
    await page.waitForFunction('window.__bench.launcher !== undefined', undefined, { timeout: 15000 });
    const probe = (await page.evaluate('window.__bench')) as Probe;
    // Clicked and timed inside the page, so the figure holds no automation round trips.
    const openMs = await page.evaluate(
      () =>
        new Promise<number>((resolve, reject) => {
          const root = document.querySelector('parley-widget')!.shadowRoot!;
          const started = performance.now();
          // The panel is whatever the app adds to the shadow root next to the loader's style and button.
          const done = () => root.childElementCount > 2 && (resolve(performance.now() - started), true);
          new MutationObserver(done).observe(root, { childList: true });
          setTimeout(() => reject(new Error('the panel did not open')), 15000);
          root.querySelector('button')!.click();
          done();
        }),
    );
    await page.waitForLoadState('networkidle');
    return { probe, assets, encodings, wire, openMs };
  } finally {
    await context.close();
  }
}

/** Widget weight and the cost to the host page, in headless Chromium against the real server. */
export async function measureWidget(host: HostPage, server: string, runs: number): Promise<WidgetResult> {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    const without: number[] = [];
    const withW: number[] = [];
    const empty: number[] = [];
    const launcher: number[] = [];
    const after: number[] = [];
    const open: number[] = [];
    let assets = new Map<string, Buffer>();
    let servedEncodings: Record<string, string> = {};
    let wire: Record<string, number> = {};
    for (let r = 0; r < runs; r++) {
      const plain = await visit(browser, host.withoutWidget, server, false);
      without.push(plain.probe.load ?? NaN);
      empty.push((await visit(browser, host.withEmptyScript, server, false)).probe.load ?? NaN);
      const w = await visit(browser, host.withWidget, server, true);
      withW.push(w.probe.load ?? NaN);
      launcher.push(w.probe.launcher ?? NaN);
      after.push((w.probe.launcher ?? NaN) - (w.probe.load ?? NaN));
      open.push(w.openMs);
      assets = w.assets;
      servedEncodings = w.encodings;
      wire = w.wire;
    }
    const all = [...assets].map(([path, body]) => sizeOf(path, body)).sort((a, b) => a.path.localeCompare(b.path));
    const loader = all.find((a) => a.path === '/widget.js');
    if (!loader) throw new Error(`the page did not load /widget.js (loaded: ${all.map((a) => a.path).join(', ')})`);
    const peerPath = 'node_modules/socket.io-client/dist/socket.io.min.js';
    const round = (v: number) => Math.round(v * 10) / 10;
    return {
      loader,
      all,
      total: all.reduce((t, a) => ({ bytes: t.bytes + a.bytes, gzip: t.gzip + a.gzip, brotli: t.brotli + a.brotli }), { bytes: 0, gzip: 0, brotli: 0 }),
      servedEncodings,
      served: { loader: wire['/widget.js'] ?? 0, total: Object.values(wire).reduce((a, b) => a + b, 0) },
      peerClient: sizeOf(peerPath, readFileSync(join(repoRoot, peerPath))),
      runs,
      loadEventWithoutWidgetMs: round(median(without)),
      loadEventWithWidgetMs: round(median(withW)),
      loadEventWithEmptyScriptMs: round(median(empty)),
      launcherInteractiveMs: round(median(launcher)),
      launcherAfterLoadMs: round(median(after)),
      openMs: round(median(open)),
    };
  } finally {
    await browser.close();
  }
}
