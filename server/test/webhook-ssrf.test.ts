import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WebhookDelivery, WebhookEndpointWithSecret } from '../../protocol/index.ts';
import { createSender, isPrivateAddress, type Resolver } from '../services/webhook-sender.ts';
import { cast, newTicket } from '../testing/api.ts';
import { startTestServer, type TestServer } from '../testing/test-server.ts';
import { startReceiver, type Receiver } from '../testing/webhook-receiver.ts';

let receiver: Receiver;
let other: Receiver;
beforeAll(async () => {
  receiver = await startReceiver();
  other = await startReceiver();
});
afterAll(async () => {
  await receiver.close();
  await other.close();
});

/** A resolver that answers `names` itself (e.g. a public-looking name pointing at 127.0.0.1). */
const fakeDns = (names: Record<string, string>): Resolver => (hostname, _opts, cb) => {
  const address = names[hostname];
  if (!address) return cb(Object.assign(new Error(`ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' }), []);
  cb(null, [{ address, family: address.includes(':') ? 6 : 4 }]);
};

describe('private address ranges', () => {
  it('treats loopback, private, link-local, CGNAT, multicast and mapped addresses as private', () => {
    for (const a of ['127.0.0.1', '127.8.9.10', '10.0.0.1', '10.255.255.255', '172.16.0.1', '172.31.255.1', '192.168.1.1', '169.254.169.254',
      '100.64.0.1', '0.0.0.0', '224.0.0.1', '255.255.255.255', '::1', '::', 'fe80::1', 'fd00::1', 'fc00::1', '::ffff:127.0.0.1', '::ffff:10.0.0.1', 'ff02::1']) {
      expect(isPrivateAddress(a), a).toBe(true);
    }
    for (const a of ['8.8.8.8', '1.1.1.1', '172.32.0.1', '93.184.216.34', '2606:4700:4700::1111']) expect(isPrivateAddress(a), a).toBe(false);
  });
});

describe('the webhook sender without PARLEY_WEBHOOK_ALLOW_PRIVATE', () => {
  const send = createSender({ allowPrivate: false, timeoutMs: 2000, resolve: fakeDns({ 'rebind.example': '127.0.0.1', 'metadata.example': '169.254.169.254', 'v6.example': '::1' }) });
  const real = createSender({ allowPrivate: false, timeoutMs: 2000 });

  it('refuses loopback, 10.x, 169.254.169.254 and IPv6 loopback given as addresses, sending nothing', async () => {
    for (const url of [receiver.url, `http://127.0.0.1:${receiver.port}/`, 'http://10.0.0.1/hook', 'http://169.254.169.254/latest/meta-data/',
      `http://[::1]:${receiver.port}/`, `http://[::ffff:127.0.0.1]:${receiver.port}/`, `http://0.0.0.0:${receiver.port}/`]) {
      const r = await send(url, {}, '{}');
      expect(r.ok, url).toBe(false);
      expect(r.status).toBeNull();
      expect(r.response, url).toMatch(/private|may not reach/);
    }
    expect(receiver.received.length).toBe(0);
  });

  it('refuses names that resolve to a private address when it connects (localhost, a rebinding name)', async () => {
    for (const url of [`http://rebind.example:${receiver.port}/hook`, 'http://metadata.example/latest', 'http://v6.example/']) {
      const r = await send(url, {}, '{}');
      expect(r.ok, url).toBe(false);
      expect(r.response, url).toMatch(/resolves to .* which webhooks may not reach/);
    }
    const local = await real(`http://localhost:${receiver.port}/hook`, {}, '{}');
    expect(local.ok).toBe(false);
    expect(local.response).toMatch(/localhost resolves to/);
    expect(receiver.received.length).toBe(0);
  });

  it('reaches the same receiver once private targets are allowed', async () => {
    const allowed = createSender({ allowPrivate: true, timeoutMs: 2000 });
    const r = await allowed(receiver.url, { 'content-type': 'application/json' }, '{"x":1}');
    expect(r).toMatchObject({ ok: true, status: 200, response: 'ok' });
    expect(receiver.received.at(-1)!.body).toBe('{"x":1}');
  });

  it('never follows a redirect, also not to loopback when private targets are allowed', async () => {
    const allowed = createSender({ allowPrivate: true, timeoutMs: 2000 });
    receiver.answer((_x, res) => {
      res.statusCode = 307;
      res.setHeader('location', other.url);
      res.end();
    });
    const r = await allowed(receiver.url, {}, '{}');
    receiver.answer((_x, res) => res.end('ok'));
    expect(r.ok).toBe(false);
    expect(r.status).toBe(307);
    expect(r.response).toContain('not followed');
    expect(other.received.length).toBe(0);
  });
});

describe('a server without PARLEY_WEBHOOK_ALLOW_PRIVATE', () => {
  let server: TestServer;
  afterAll(async () => server?.close());

  it('refuses private literal addresses when registering, and names resolving to one when delivering', async () => {
    server = await startTestServer({ config: { webhooks: { allowPrivate: false, pollMs: 50, backoffMs: 100, retryForMs: 60_000, timeoutMs: 1000, concurrency: 4 } } });
    const c = await cast(server.url, server.admin);
    for (const url of [receiver.url, 'http://10.1.2.3/x', 'http://169.254.169.254/', 'http://[::1]/x', 'http://192.168.0.10/x']) {
      const r = await c.adminApi.post('/api/webhooks', { url, events: ['ticket.created'] });
      expect(r.status, url).toBe(400);
      expect(r.body.error.message).toMatch(/private/);
    }
    const before = receiver.received.length;
    const hook = (await c.adminApi.post<WebhookEndpointWithSecret>('/api/webhooks', { url: `http://localhost:${receiver.port}/hook`, events: ['ticket.created'] })).body;
    await newTicket(c.customer, 'ssrf');
    let entry: WebhookDelivery | undefined;
    for (const until = Date.now() + 20_000; Date.now() < until && !entry?.response;) {
      entry = (await c.adminApi.get<{ deliveries: WebhookDelivery[] }>(`/api/webhooks/${hook.id}/deliveries`)).body.deliveries[0];
      await new Promise((ok) => setTimeout(ok, 50));
    }
    expect(entry).toMatchObject({ state: 'pending', responseStatus: null });
    expect(entry!.response).toMatch(/localhost resolves to .* which webhooks may not reach/);
    expect(receiver.received.length).toBe(before);
  }, 60_000);
});
