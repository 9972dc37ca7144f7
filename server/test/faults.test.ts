import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Message, ServerFrame, User } from '../../protocol/index.ts';
import { ApiClient, cast, newTicket, TestSocket } from '../testing/api.ts';
import { spawnServer } from '../testing/spawn-server.ts';
import { startTestServer, type TestServer } from '../testing/test-server.ts';

// Losing the database: two instances (this process and a child process) on one PostgreSQL database.
// Refusing new connections to that database and terminating its backends acts like a PostgreSQL restart
// for these two servers only, without disturbing other tests. PGlite is in-process: nothing to lose.
const onPostgres = !!process.env.DATABASE_URL;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until<T>(what: string, probe: () => Promise<T | undefined | false>, ms = 30_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await probe().catch(() => undefined);
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

async function health(url: string): Promise<{ status: number; body: { status: string; bus?: string; error?: { message: string } } }> {
  const res = await fetch(`${url}/healthz`);
  return { status: res.status, body: await res.json() };
}

describe.skipIf(!onPostgres)('database faults (two server processes on PostgreSQL)', () => {
  let a: TestServer;
  let b: Awaited<ReturnType<typeof spawnServer>>;
  let admin: pg.Client;
  let dbName: string;
  const sockets: TestSocket[] = [];
  const allowConnections = (on: boolean) => admin.query(`alter database ${dbName} allow_connections ${on}`);
  const terminate = async (applicationName?: string) => {
    const r = await admin.query(
      'select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid() and ($2::text is null or application_name = $2)',
      [dbName, applicationName ?? null],
    );
    return r.rowCount ?? 0;
  };

  beforeAll(async () => {
    a = await startTestServer();
    b = await spawnServer({ DATABASE_URL: a.databaseUrl!, PARLEY_LOG: 'silent' });
    dbName = new URL(a.databaseUrl!).pathname.slice(1);
    admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
  });
  afterAll(async () => {
    await allowConnections(true).catch(() => {});
    for (const s of sockets) s.close();
    await b?.stop();
    await a?.close();
    await admin?.end();
  });

  async function scene(origin: string) {
    const c = await cast(a.url, a.admin, origin);
    const me = (await c.member.get('/api/auth/me')).body.user as User;
    const memberB = await ApiClient.staff(b.url, me.email, 'member-password-1');
    const memberWs = await TestSocket.staff(b.url, memberB);
    const customerWs = await TestSocket.visitor(a.url, c.customer);
    sockets.push(memberWs, customerWs);
    const ticket = (await newTicket(c.customer, 'faults')).body;
    await memberB.post(`/api/tickets/${ticket.id}/accept`);
    await memberWs.request({ type: 'join', ticketId: ticket.id });
    await customerWs.request({ type: 'join', ticketId: ticket.id });
    return { c, me, memberB, memberWs, customerWs, ticket };
  }

  const gotMessage = (ws: TestSocket, clientId: string, ms = 30_000) => ws.next((f) => f.type === 'message' && f.message.clientId === clientId, ms);

  it('reconnects a terminated LISTEN connection, reports it meanwhile, and catches up on what crossed nowhere', async () => {
    const { c, memberB, memberWs, customerWs, ticket } = await scene('http://bus-fault.test');
    // A second member on B, deactivated on A while A's bus is down.
    const m2 = (await c.adminApi.post<User>('/api/users', { email: `m2-${Date.now()}@example.test`, name: 'Max', password: 'member-password-2', role: 'member' })).body;
    const m2Ws = await TestSocket.staff(b.url, await ApiClient.staff(b.url, m2.email, 'member-password-2'));
    sockets.push(m2Ws);

    await allowConnections(false);
    expect(await terminate(`parley-bus ${a.services.bus.instanceId}`)).toBe(1);
    // The health check may see the refused database before the bus notices its LISTEN connection is gone.
    const down = await until('A to report its bus down', async () => {
      const h = await health(a.url);
      return h.status === 503 && h.body.bus === 'reconnecting' && h;
    });
    expect(down.body).toMatchObject({ status: 'degraded', bus: 'reconnecting' });
    expect((await health(b.url)).status).toBe(200);
    expect(await (await fetch(`${a.url}/metrics`)).text()).toMatch(/^parley_bus_up 0$/m);

    // Meanwhile, each side does things the other must hear of.
    expect(await customerWs.request({ type: 'message', ticketId: ticket.id, clientId: 'gap-a', body: 'sent on A while its bus was down' })).toMatchObject({ type: 'ack' });
    expect(await memberWs.request({ type: 'message', ticketId: ticket.id, clientId: 'gap-b', body: 'sent on B while A could not hear' })).toMatchObject({ type: 'ack' });
    expect((await c.adminApi.patch(`/api/users/${m2.id}`, { active: false })).status).toBe(200);
    const created = (await newTicket(c.customer, 'opened during the gap')).body;
    await sleep(300);

    await allowConnections(true);
    await until('A healthy again', async () => (await health(a.url)).status === 200);
    expect(await (await fetch(`${a.url}/metrics`)).text()).toMatch(/^parley_bus_up 1$/m);
    await gotMessage(customerWs, 'gap-b');
    await gotMessage(memberWs, 'gap-a');
    await memberWs.next((f) => f.type === 'ticket_created' && f.ticket.id === created.id, 15_000);
    expect((await m2Ws.closed).code).toBe(4001);

    // And live delivery works again, both ways.
    await customerWs.request({ type: 'message', ticketId: ticket.id, clientId: 'after-a', body: 'live again' });
    await gotMessage(memberWs, 'after-a', 5000);
    await memberB.post(`/api/tickets/${ticket.id}/messages`, { clientId: 'after-b', body: 'live again from B' });
    await gotMessage(customerWs, 'after-b', 5000);
  }, 120_000);

  it('survives losing every database connection: 503 meanwhile, sockets kept, messages acked after, none lost or doubled', async () => {
    const { c, me, memberWs, customerWs, ticket } = await scene('http://db-fault.test');
    await customerWs.request({ type: 'message', ticketId: ticket.id, clientId: 'before', body: 'before the outage' });

    await allowConnections(false);
    expect(await terminate()).toBeGreaterThanOrEqual(2);
    await until('A to report the database down', async () => (await health(a.url)).status === 503);
    const hb = await until('B to report the database down', async () => {
      const h = await health(b.url);
      return h.status === 503 && h;
    });
    expect(hb.body.status).toBe('degraded');

    // Sent while the database is away: held, not refused.
    const fromA: Promise<ServerFrame>[] = [];
    const fromB: Promise<ServerFrame>[] = [];
    for (let i = 0; i < 5; i++) {
      fromA.push(customerWs.request({ type: 'message', ticketId: ticket.id, clientId: `out-a-${i}`, body: `customer during outage ${i}` }));
      fromB.push(memberWs.request({ type: 'message', ticketId: ticket.id, clientId: `out-b-${i}`, body: `member during outage ${i}` }));
    }
    await sleep(1000);
    expect(customerWs.ws.readyState).toBe(customerWs.ws.OPEN);
    expect(memberWs.ws.readyState).toBe(memberWs.ws.OPEN);
    // A client that timed out resends with the same clientId: stored once all the same.
    fromA.push(customerWs.request({ type: 'message', ticketId: ticket.id, clientId: 'out-a-0', body: 'customer during outage 0' }));

    await allowConnections(true);
    for (const reply of await Promise.all([...fromA, ...fromB])) expect(reply).toMatchObject({ type: 'ack' });
    await until('both healthy', async () => (await health(a.url)).status === 200 && (await health(b.url)).status === 200);
    for (let i = 0; i < 5; i++) {
      await gotMessage(customerWs, `out-b-${i}`);
      await gotMessage(memberWs, `out-a-${i}`);
    }
    const stored = (await c.customer.get(`/api/tickets/${ticket.id}/messages?limit=200`)).body.messages as Message[];
    const ids = stored.map((m) => m.clientId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.sort()).toEqual(['before', ...[0, 1, 2, 3, 4].flatMap((i) => [`out-a-${i}`, `out-b-${i}`])].sort());
    expect(stored.map((m) => m.seq)).toEqual(stored.map((_, i) => i + 1));

    // Revocation crosses instances again.
    expect((await c.adminApi.patch(`/api/users/${me.id}`, { active: false })).status).toBe(200);
    expect((await memberWs.closed).code).toBe(4001);
  }, 120_000);
});
