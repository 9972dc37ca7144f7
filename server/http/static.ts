import { readFile, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import zlib, { brotliCompressSync, gzipSync } from 'node:zlib';
import send from 'koa-send';
import { mw } from './state.ts';

const CONSOLE_CSP = "default-src 'self'; connect-src 'self' ws: wss:; img-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'";
const BUNDLE = /^[\w.-]+\.(js|mjs|css|map|svg|png)$/;
const COMPRESSIBLE = /\.(js|mjs|css|svg|map)$/;

/**
 * Serves the built bundles of dist/ at the root (`/widget.js`, `/console.js`, chunks) and the console
 * page at `/console`, with koa-send (path checks, types, `Last-Modified`). Only flat file names of
 * dist/ are served; no directory walking.
 */
export function staticFiles(root: string, consoleHtml: string) {
  const distDir = resolve(root, 'dist');
  const consolePage = resolve(root, consoleHtml);
  return mw(async (ctx, next) => {
    if (ctx.method !== 'GET' && ctx.method !== 'HEAD') return next();
    if (ctx.path === '/') return ctx.redirect('/console');
    if (ctx.path === '/console' || ctx.path.startsWith('/console/')) {
      ctx.set('Content-Security-Policy', CONSOLE_CSP);
      await send(ctx, basename(consolePage), { root: dirname(consolePage), setHeaders: (res) => res.setHeader('Cache-Control', 'no-cache') });
      return;
    }
    const name = ctx.path.slice(1);
    if (!BUNDLE.test(name)) return next();
    const file = join(distDir, name);
    const info = await stat(file).catch(() => null);
    if (!info?.isFile()) return next();
    ctx.set('Access-Control-Allow-Origin', '*');
    ctx.vary('Accept-Encoding');
    // The loader's URL is fixed in site owners' pages, so it must revalidate; everything else can be cached briefly.
    const cacheControl = name === 'widget.js' ? 'public, max-age=300' : 'public, max-age=3600';
    const encoding = COMPRESSIBLE.test(name) ? ctx.acceptsEncodings('br', 'gzip', 'identity') : 'identity';
    if (encoding === 'br' || encoding === 'gzip') {
      ctx.type = name.slice(name.lastIndexOf('.'));
      ctx.lastModified = info.mtime;
      ctx.set('Cache-Control', cacheControl);
      ctx.set('Content-Encoding', encoding);
      ctx.body = await compressed(file, info.mtimeMs, encoding);
      return;
    }
    await send(ctx, name, { root: distDir, setHeaders: (res) => res.setHeader('Cache-Control', cacheControl) });
  });
}

/**
 * Compressed copies of the bundles, made once per build (keyed by modification time) and kept in
 * memory. Measured on widget-app.js (42 KB): brotli at quality 11 takes about 0.5 s of CPU, so
 * compressing per request is out; quality 4 takes about 10 ms and is 14% larger (16.8 vs 14.7 KB).
 * From the cache a request costs no compression at all.
 */
const cache = new Map<string, { mtimeMs: number; br?: Buffer; gzip?: Buffer }>();
async function compressed(file: string, mtimeMs: number, encoding: 'br' | 'gzip'): Promise<Buffer> {
  let entry = cache.get(file);
  if (!entry || entry.mtimeMs !== mtimeMs) cache.set(file, (entry = { mtimeMs }));
  if (!entry[encoding]) {
    const raw = await readFile(file);
    entry[encoding] = encoding === 'br'
      ? brotliCompressSync(raw, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: raw.length } })
      : gzipSync(raw, { level: 9 });
  }
  return entry[encoding]!;
}
