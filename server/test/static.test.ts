import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../start.ts';
import { startTestServer, type TestServer } from '../testing/test-server.ts';

// Needs the bundles: `npm test` builds them before the unit tests.
let server: TestServer;
beforeAll(async () => (server = await startTestServer()));
afterAll(async () => server?.close());

const get = (path: string, encoding: string) => fetch(server.url + path, { headers: { 'accept-encoding': encoding } });

describe('static files', () => {
  it('serves the widget bundles compressed as the browser asks, byte-identical once decoded', async () => {
    const raw = readFileSync(join(ROOT, 'dist/widget-app.js'));
    const br = await get('/widget-app.js', 'br, gzip');
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(br.headers.get('access-control-allow-origin')).toBe('*');
    // fetch decodes transparently: the decoded body must be the bundle itself.
    expect(Buffer.from(await br.arrayBuffer()).equals(raw)).toBe(true);
    const gz = await get('/widget.js', 'gzip');
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    expect(Buffer.from(await gz.arrayBuffer()).equals(readFileSync(join(ROOT, 'dist/widget.js')))).toBe(true);
    const plain = await get('/widget.js', 'identity');
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(Number(plain.headers.get('content-length'))).toBe(readFileSync(join(ROOT, 'dist/widget.js')).length);
  });

  it('serves the console page, and nothing outside dist/', async () => {
    const page = await get('/console', 'identity');
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('console.js');
    for (const path of ['/package.json', '/..%2fpackage.json', '/%2e%2e/server/main.ts', '/dist/widget.js']) {
      const r = await get(path, 'identity');
      expect(r.status, path).toBe(404);
    }
  });
});
