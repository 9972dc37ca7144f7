import { createReadStream } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import zlib, { brotliCompressSync, gzipSync } from 'node:zlib';
import { extname, join, resolve } from 'node:path';
import { mw } from './state.ts';

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.html': 'text/html; charset=utf-8', '.map': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png',
};

/**
 * Serves the built bundles of dist/ at the root (`/widget.js`, `/console.js`, chunks) and the console page
 * at `/console`. Only files that exist in dist/ when asked for are served; no directory walking.
 */
export function staticFiles(root: string, consoleHtml: string) {
  const distDir = resolve(root, 'dist');
  const consolePage = resolve(root, consoleHtml);
  return mw(async (ctx, next) => {
    if (ctx.method !== 'GET' && ctx.method !== 'HEAD') return next();
    if (ctx.path === '/') return ctx.redirect('/console');
    if (ctx.path === '/console' || ctx.path.startsWith('/console/')) {
      ctx.type = TYPES['.html']!;
      ctx.set('Cache-Control', 'no-cache');
      ctx.set('Content-Security-Policy', "default-src 'self'; connect-src 'self' ws: wss:; img-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'");
      ctx.body = createReadStream(consolePage);
      return;
    }
    const name = ctx.path.slice(1);
    if (!/^[\w.-]+\.(js|mjs|css|map|svg|png)$/.test(name) || !(await listed(distDir, name))) return next();
    const file = join(distDir, name);
    const info = await stat(file);
    ctx.type = TYPES[extname(name)] ?? 'application/octet-stream';
    ctx.lastModified = info.mtime;
    ctx.set('Access-Control-Allow-Origin', '*');
    ctx.vary('Accept-Encoding');
    // The loader's URL is fixed in site owners' pages, so it must revalidate; everything else can be cached briefly.
    ctx.set('Cache-Control', name === 'widget.js' ? 'public, max-age=300' : 'public, max-age=3600');
    const encoding = /\.(js|mjs|css|svg|map)$/.test(name) ? ctx.acceptsEncodings('br', 'gzip', 'identity') : 'identity';
    if (encoding === 'br' || encoding === 'gzip') {
      ctx.set('Content-Encoding', encoding);
      ctx.body = await compressed(file, info.mtimeMs, encoding);
      return;
    }
    ctx.length = info.size;
    ctx.body = createReadStream(file);
  });
}

/** Compressed copies of the bundles, made once per build (keyed by modification time) and kept in memory. */
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

async function listed(dir: string, name: string): Promise<boolean> {
  try {
    return (await readdir(dir)).includes(name);
  } catch {
    return false;
  }
}
