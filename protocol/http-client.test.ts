import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpError, httpRequest } from './http-client.ts';

describe('httpRequest', () => {
  let server: Server;
  let url = '';
  const seen: { method?: string; headers: Record<string, unknown>; body: string }[] = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        seen.push({ method: req.method, headers: req.headers, body });
        if (req.url === '/ok') return void res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
        if (req.url === '/empty') return void res.writeHead(204).end();
        if (req.url === '/garbage') return void res.writeHead(502).end('<html>bad gateway</html>');
        res.writeHead(409, { 'content-type': 'application/json' }).end('{"error":{"code":"invalid_state","message":"Closed."}}');
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it('GETs without a body and POSTs JSON with a bearer token', async () => {
    expect(await httpRequest(`${url}/ok`)).toEqual({ ok: true });
    expect(seen.at(-1)).toMatchObject({ method: 'GET', body: '' });
    expect(seen.at(-1)!.headers['content-type']).toBeUndefined();
    await httpRequest(`${url}/ok`, { body: { a: 1 }, token: 'tok' });
    expect(seen.at(-1)).toMatchObject({ method: 'POST', body: '{"a":1}', headers: { 'content-type': 'application/json', authorization: 'Bearer tok' } });
    await httpRequest(`${url}/ok`, { method: 'DELETE' });
    expect(seen.at(-1)!.method).toBe('DELETE');
  });

  it('returns null for an empty body', async () => {
    expect(await httpRequest(`${url}/empty`, { method: 'DELETE' })).toBeNull();
  });

  it("throws the server's code, message and status", async () => {
    const e = await httpRequest(`${url}/refused`, { body: {} }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(HttpError);
    expect(e).toMatchObject({ code: 'invalid_state', message: 'Closed.', status: 409 });
  });

  it('names a body that is not JSON by its status, and an unreachable server as network', async () => {
    await expect(httpRequest(`${url}/garbage`)).rejects.toMatchObject({ code: 'internal', status: 502, message: 'Request failed (502)' });
    await expect(httpRequest('http://127.0.0.1:1/x')).rejects.toMatchObject({ code: 'network', status: 0 });
  });
});
