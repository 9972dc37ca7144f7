import { readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { repoRoot } from '../lib/proc.ts';

/** Every script tag that loads something from the Parley server: what a site owner pasted. */
const WIDGET_TAG = /<script\b[^>]*\{\{PUBLIC_URL\}\}[^>]*>\s*<\/script>\s*/g;

export interface HostPage {
  origin: string;
  /** The example page with the widget. */
  withWidget: string;
  /** The same page with the widget's script tags removed. */
  withoutWidget: string;
  /** The same page with, instead of the widget, an async script of the loader's size that does nothing, from another origin. */
  withEmptyScript: string;
  close(): Promise<void>;
}

const listen = async (server: Server) => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as { port: number }).port}`;
};

/** Serves examples/index.html on its own loopback origin, as a site owner's web server would. */
export async function serveHostPage(publicUrl: string, siteKey: () => string): Promise<HostPage> {
  const template = readFileSync(join(repoRoot, 'examples/index.html'), 'utf8');
  const loaderBytes = statSync(join(repoRoot, 'dist/widget.js')).size;
  const emptyScript = `/*${'.'.repeat(Math.max(0, loaderBytes - 4))}*/`;
  const scripts = createServer((_req, res) => void res.writeHead(200, { 'content-type': 'text/javascript', 'access-control-allow-origin': '*' }).end(emptyScript));
  const scriptOrigin = await listen(scripts);
  const fill = (html: string) => html.replaceAll('{{PUBLIC_URL}}', publicUrl).replaceAll('{{SITE_KEY}}', siteKey());
  const pages: Record<string, string> = {
    '/': template,
    '/plain': template.replace(WIDGET_TAG, ''),
    '/empty-script': template.replace(WIDGET_TAG, `<script async src="${scriptOrigin}/empty.js"></script>`),
  };
  const server = createServer((req, res) => {
    const page = pages[req.url ?? ''];
    if (!page) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(fill(page));
  });
  const origin = await listen(server);
  const close = (s: Server) => new Promise<void>((resolve) => s.close(() => resolve()));
  return {
    origin,
    withWidget: `${origin}/`,
    withoutWidget: `${origin}/plain`,
    withEmptyScript: `${origin}/empty-script`,
    close: async () => void (await Promise.all([close(server), close(scripts)])),
  };
}
