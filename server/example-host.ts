import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize } from 'node:path';
import type { Services } from './services/index.ts';

export const EXAMPLE_SITE_NAME = 'Example host page';

/**
 * Serves examples/ on its own port (a different origin, as a real site would be), with the embed
 * snippet's placeholders filled in for a demo site that allows that origin.
 */
export async function startExampleHost(services: Services, root: string, port: number, publicUrl: string): Promise<{ url: string; server: Server }> {
  const origins = [`http://localhost:${port}`, `http://127.0.0.1:${port}`];
  const sites = await services.sites.list();
  let site = sites.find((s) => s.name === EXAMPLE_SITE_NAME);
  if (!site) site = await services.sites.create({ name: EXAMPLE_SITE_NAME, origins });
  else if (!origins.every((o) => site!.origins.includes(o))) site = await services.sites.update(site.id, { origins: [...new Set([...site.origins, ...origins])] });
  const key = site.key;
  const dir = join(root, 'examples');
  const server = createServer(async (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    const file = join(dir, path === '/' ? 'index.html' : path);
    if (!file.startsWith(dir)) return void res.writeHead(404).end();
    try {
      let body: Buffer | string = await readFile(file);
      if (extname(file) === '.html') body = body.toString('utf8').replaceAll('{{PUBLIC_URL}}', publicUrl).replaceAll('{{SITE_KEY}}', key);
      res.writeHead(200, { 'content-type': extname(file) === '.html' ? 'text/html; charset=utf-8' : 'application/octet-stream' }).end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise<void>((ok, fail) => server.once('error', fail).listen(port, () => ok()));
  return { url: `http://localhost:${port}/`, server };
}
