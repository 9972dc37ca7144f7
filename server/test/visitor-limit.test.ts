import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, cast } from '../testing/api.ts';
import { startTestServer, type TestServer } from '../testing/test-server.ts';

let server: TestServer;
beforeAll(async () => (server = await startTestServer({ config: { newVisitorsPerMinute: 3 } })));
afterAll(async () => server?.close());

describe('new visitor limit', () => {
  it('refuses a flood of new anonymous visitors from one address, but never a returning one', async () => {
    const c = await cast(server.url, server.admin); // its customer is the first new visitor
    const v2 = await ApiClient.visitor(server.url, c.site.key, c.origin);
    await ApiClient.visitor(server.url, c.site.key, c.origin);
    const flood = await new ApiClient(server.url, { origin: c.origin }).post('/api/visitor', { siteKey: c.site.key });
    expect(flood).toMatchObject({ status: 429, body: { error: { code: 'rate_limited' } } });
    const back = await new ApiClient(server.url, { origin: c.origin }).post('/api/visitor', { siteKey: c.site.key, visitorToken: v2.token });
    expect(back.status).toBe(200);
    expect(back.body.customer.id).toBe(v2.session.customer.id);
  });
});
