import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { repoRoot } from '../lib/proc.ts';

/** Used only while examples/index.html does not exist yet: a plain page with the documented snippet. */
const FALLBACK = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Example shop</title></head>
<body><h1>Example shop</h1><p>Products, prices and a support widget.</p>
<script async src="{{PUBLIC_URL}}/widget.js" data-site="{{SITE_KEY}}"></script></body></html>`;

/** Every script tag that loads something from the Parley server: what a site owner pasted. */
const WIDGET_TAG = /<script\b[^>]*\{\{PUBLIC_URL\}\}[^>]*>\s*<\/script>\s*/g;

export interface HostPage {
  origin: string;
  /** The example page with the widget. */
  withWidget: string;
  /** The same page with the widget's script tags removed. */
  withoutWidget: string;
  close(): Promise<void>;
}

/** Serves the example host page on its own loopback origin, as a site owner's web server would. */
export async function serveHostPage(publicUrl: string, siteKey: () => string): Promise<HostPage> {
  const file = join(repoRoot, 'examples/index.html');
  const template = existsSync(file) ? readFileSync(file, 'utf8') : FALLBACK;
  const fill = (html: string) => html.replaceAll('{{PUBLIC_URL}}', publicUrl).replaceAll('{{SITE_KEY}}', siteKey());
  const pages: Record<string, string> = { '/': template, '/plain': template.replace(WIDGET_TAG, '') };
  const server: Server = createServer((req, res) => {
    const page = pages[req.url ?? ''];
    if (!page) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(fill(page));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  return {
    origin,
    withWidget: `${origin}/`,
    withoutWidget: `${origin}/plain`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
