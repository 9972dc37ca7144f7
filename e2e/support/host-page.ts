// The site owner's page, on its own origin: examples/ served by a tiny static server, with the embed
// placeholders filled in. When examples/index.html is missing, a plain page with the site's snippet stands in.
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../../examples');
const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.png': 'image/png', '.svg': 'image/svg+xml' };

export interface HostPage {
  url: string;
  origin: string;
  close(): Promise<void>;
}

export function fillPlaceholders(html: string, publicUrl: string, siteKey: string): string {
  return html.replaceAll('{{PUBLIC_URL}}', publicUrl).replaceAll('{{SITE_KEY}}', siteKey);
}

/** Starts the host page server on a random port of 127.0.0.1 (another origin than the Parley server). */
export async function startHostPage(getEmbed: () => { publicUrl: string; siteKey: string; snippet: string }): Promise<HostPage> {
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const file = normalize(join(ROOT, path === '/' ? 'index.html' : path));
    const { publicUrl, siteKey, snippet } = getEmbed();
    if (path === '/' && !existsSync(file)) {
      res.writeHead(200, { 'content-type': TYPES['.html']! });
      res.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Example shop</title></head><body><h1>Example shop</h1><p>A plain page embedding the widget.</p>${snippet}</body></html>`);
      return;
    }
    if (!file.startsWith(ROOT) || !existsSync(file)) {
      res.writeHead(404).end('not found');
      return;
    }
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    const body = type.startsWith('text/html') ? fillPlaceholders(readFileSync(file, 'utf8'), publicUrl, siteKey) : readFileSync(file);
    res.writeHead(200, { 'content-type': type }).end(body);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as { port: number };
  // "localhost" rather than 127.0.0.1: a different origin from the server (127.0.0.1) by host as well as port.
  const origin = `http://localhost:${port}`;
  return { url: `${origin}/`, origin, close: () => new Promise((done) => server.close(() => done())) };
}
