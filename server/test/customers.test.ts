// Customer context: what the widget and identify report, what staff read, what customers never read.
import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CustomerDetails, Ticket } from '../../protocol/index.ts';
import { ApiClient, cast, newTicket } from '../testing/api.ts';
import { startTestServer, type TestServer } from '../testing/test-server.ts';

let server: TestServer;
let c: Awaited<ReturnType<typeof cast>>;
const hmac = (secret: string, s: string) => createHmac('sha256', secret).update(s).digest('hex');
const UA = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15';
const CONTEXT = { pageUrl: 'https://shop.test/checkout?step=2', pageTitle: 'Checkout · Shop', referrer: 'https://search.example/q', locale: 'de-CH', timeZone: 'Europe/Zurich' };

beforeAll(async () => {
  server = await startTestServer();
  c = await cast(server.url, server.admin);
});
afterAll(async () => server?.close());

async function identified(id: string, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
  const api = new ApiClient(server.url, { origin: c.origin });
  const identity = { id, email: `${id}@shop.test`, name: `Name ${id}`, hash: hmac(c.site.secret, id), ...extra };
  const r = await api.call('POST', '/api/visitor', { siteKey: c.site.key, identity, context: CONTEXT }, headers);
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  api.token = r.body.visitorToken;
  return { api, customerId: r.body.customer.id as string };
}

describe('customer context', () => {
  it('records the page, the browser and identify attributes, and the page each ticket was opened on', async () => {
    const attributes = { plan: 'pro', seats: 12, trial: false };
    const { api, customerId } = await identified('ctx-1', { attributes }, { 'user-agent': UA });
    const first = (await newTicket(api, 'first')).body as Ticket;
    // The customer moves to another page; the next ticket records that one.
    await api.call('POST', '/api/visitor', { siteKey: c.site.key, visitorToken: api.token, context: { ...CONTEXT, pageUrl: 'https://shop.test/orders/1042', pageTitle: 'Order 1042' } }, { 'user-agent': UA });
    const second = (await newTicket(api, 'second')).body as Ticket;

    const r = await c.member.get<CustomerDetails>(`/api/customers/${customerId}`);
    expect(r.status).toBe(200);
    expect(r.body.customer).toMatchObject({
      id: customerId, name: 'Name ctx-1', email: 'ctx-1@shop.test', verified: true, attributes, online: true,
      context: { ...CONTEXT, pageUrl: 'https://shop.test/orders/1042', pageTitle: 'Order 1042', userAgent: UA },
    });
    expect(Date.parse(r.body.customer.firstSeenAt)).toBeLessThanOrEqual(Date.parse(r.body.customer.lastSeenAt!));
    expect(r.body.tickets.map((t) => [t.id, t.openedOn?.url])).toEqual([
      [second.id, 'https://shop.test/orders/1042'],
      [first.id, 'https://shop.test/checkout?step=2'],
    ]);
    expect(r.body.tickets[1]!.openedOn!.title).toBe('Checkout · Shop');
  });

  it('keeps attributes when a later visit carries none, and an anonymous visitor has context but no attributes', async () => {
    const { customerId } = await identified('ctx-2', { attributes: { plan: 'free' } });
    await identified('ctx-2');
    expect((await c.adminApi.get<CustomerDetails>(`/api/customers/${customerId}`)).body.customer.attributes).toEqual({ plan: 'free' });
    const anon = await ApiClient.visitor(server.url, c.site.key, c.origin, { context: { locale: 'fr' } });
    const d = (await c.adminApi.get<CustomerDetails>(`/api/customers/${anon.session.customer.id}`)).body.customer;
    expect(d).toMatchObject({ verified: false, attributes: {}, name: null });
    expect(d.context).toMatchObject({ locale: 'fr' });
  });

  it('is never readable by a customer, not even their own, nor with a bad or unknown id', async () => {
    const { api, customerId } = await identified('ctx-3');
    expect((await api.get(`/api/customers/${customerId}`)).status).toBe(403);
    expect((await c.customer.get(`/api/customers/${customerId}`)).status).toBe(403);
    expect((await new ApiClient(server.url).get(`/api/customers/${customerId}`)).status).toBe(401);
    expect((await c.member.get('/api/customers/not-a-uuid')).status).toBe(404);
    expect((await c.member.get('/api/customers/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    // Nor does the context leak through the customer's own ticket or visitor answers.
    const t = (await newTicket(api, 'mine')).body;
    const own = JSON.stringify([t, (await api.get(`/api/tickets/${t.id}`)).body, (await api.post('/api/visitor', { siteKey: c.site.key, visitorToken: api.token })).body]);
    expect(own).not.toContain('checkout');
    expect(own).not.toContain('openedOn');
    expect(own).not.toContain('Europe/Zurich');
  });

  it('lists to a member only the tickets they may see', async () => {
    const { api, customerId } = await identified('ctx-4');
    const open = (await newTicket(api, 'still open')).body as Ticket;
    const theirs = (await newTicket(api, 'taken by the admin')).body as Ticket;
    await c.adminApi.post(`/api/tickets/${theirs.id}/accept`);
    const member = (await c.member.get<CustomerDetails>(`/api/customers/${customerId}`)).body.tickets.map((t) => t.id);
    const admin = (await c.adminApi.get<CustomerDetails>(`/api/customers/${customerId}`)).body.tickets.map((t) => t.id);
    expect(member).toEqual([open.id]);
    expect(admin).toEqual([theirs.id, open.id]);
  });

  it('refuses malformed context and attributes with a clear error, leaves out unusable values and cuts over-long strings', async () => {
    const visit = (body: Record<string, unknown>) => new ApiClient(server.url, { origin: c.origin }).post('/api/visitor', { siteKey: c.site.key, ...body });
    const identity = (attributes: unknown) => ({ id: 'ctx-5', hash: hmac(c.site.secret, 'ctx-5'), attributes });
    for (const [body, code] of [
      [{ context: 'x' }, 'bad_request'],
      [{ context: { pageUrl: 42 } }, 'bad_request'],
      [{ identity: identity({ nested: { a: 1 } }) }, 'bad_request'],
      [{ identity: identity({ list: [1] }) }, 'bad_request'],
      [{ identity: identity(Object.fromEntries(Array.from({ length: 21 }, (_, i) => [`k${i}`, i]))) }, 'too_large'],
    ] as const) {
      const r = await visit(body);
      expect(r.status, JSON.stringify(body)).toBeGreaterThanOrEqual(400);
      expect(r.body.error.code, JSON.stringify(body)).toBe(code);
    }
    // Values that cannot be used are left out rather than refused (a file: page, an app referrer, an unknown zone).
    const odd = await visit({ context: { pageUrl: 'javascript:alert(1)', referrer: 'android-app://com.example', timeZone: 'Mars/Olympus', locale: 'en' } });
    expect(odd.status).toBe(200);
    expect((await c.adminApi.get<CustomerDetails>(`/api/customers/${odd.body.customer.id}`)).body.customer.context).toEqual({ locale: 'en', userAgent: 'node' });
    const long = await visit({ context: { pageTitle: 'x'.repeat(5000), pageUrl: `https://shop.test/${'a'.repeat(3000)}` } });
    expect(long.status).toBe(200);
    const d = (await c.adminApi.get<CustomerDetails>(`/api/customers/${long.body.customer.id}`)).body.customer.context!;
    expect(d.pageTitle!.length).toBe(300);
    expect(d.pageUrl!.length).toBe(2048);
  });
});
