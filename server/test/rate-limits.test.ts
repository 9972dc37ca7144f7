import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, cast } from '../testing/api.ts';
import { spawnServer } from '../testing/spawn-server.ts';
import { startTestServer, type TestServer } from '../testing/test-server.ts';

const onPostgres = !!process.env.DATABASE_URL;
const ticket = (api: ApiClient, n: number) =>
  fetch(`${api.base}/api/tickets`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: api.origin!, authorization: `Bearer ${api.token}` },
    body: JSON.stringify({ category: 'Billing', urgency: 'low', description: `ticket ${n}` }),
  });

describe('ticket creation is limited per visitor and per address', () => {
  let server: TestServer;
  beforeAll(async () => (server = await startTestServer({ config: { ticketsPerVisitorPerHour: 3, ticketsPerAddressPerHour: 5 } })));
  afterAll(async () => server?.close());

  it('answers 429 rate_limited with Retry-After once a visitor, then an address, used its allowance', async () => {
    const c = await cast(server.url, server.admin);
    for (let i = 0; i < 3; i++) expect((await ticket(c.customer, i)).status).toBe(201);
    const limited = await ticket(c.customer, 3);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(Number(limited.headers.get('retry-after'))).toBeLessThanOrEqual(3600);
    expect((await limited.json()).error).toMatchObject({ code: 'rate_limited', message: expect.stringMatching(/visitor.*try again in \d+ s/) });
    // Another visitor on the same address gets what is left of the address's allowance (5 - 3 created).
    const other = await ApiClient.visitor(server.url, c.site.key, c.origin);
    expect((await ticket(other, 0)).status).toBe(201);
    expect((await ticket(other, 1)).status).toBe(201);
    const byAddress = await ticket(other, 2);
    expect(byAddress.status).toBe(429);
    expect((await byAddress.json()).error.message).toMatch(/address/);
    expect((await c.customer.get('/api/tickets')).body.tickets).toHaveLength(3);
    expect((await c.member.get('/api/tickets?status=open')).body.tickets).toHaveLength(5);
  });
});

describe.skipIf(!onPostgres)('limits hold across instances on PostgreSQL', () => {
  let a: TestServer;
  let b: Awaited<ReturnType<typeof spawnServer>>;
  beforeAll(async () => {
    a = await startTestServer();
    b = await spawnServer({ DATABASE_URL: a.databaseUrl!, PARLEY_LOG: 'silent' });
  });
  afterAll(async () => {
    await b?.stop();
    await a?.close();
  });

  it('counts failed sign-ins of both instances together: two instances do not allow twice the attempts', async () => {
    const login = (url: string) => new ApiClient(url).post('/api/auth/login', { email: a.admin.email, password: 'wrong-password-1' });
    // 10 failures per account per 15 minutes, spread over both instances.
    for (let i = 0; i < 10; i++) expect((await login(i % 2 ? b.url : a.url)).status).toBe(401);
    expect((await login(a.url)).status).toBe(429);
    expect((await login(b.url)).status).toBe(429);
    // The right password is refused too while the account is limited, on either instance.
    expect((await new ApiClient(b.url).post('/api/auth/login', a.admin)).status).toBe(429);
  });
});
