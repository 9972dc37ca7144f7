import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { User } from '../../protocol/index.ts';
import { ApiClient, cast, newTicket, TestSocket } from '../testing/api.ts';
import { spawnServer } from '../testing/spawn-server.ts';
import { startTestServer, type TestServer } from '../testing/test-server.ts';

// The NATS bus joins instances of one PostgreSQL deployment. The test runs its own nats-server
// (Debian's package, on these machines) on a free port, so it can stop and restart it.
const NATS_SERVER = '/usr/sbin/nats-server';
const onPostgres = !!process.env.DATABASE_URL;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function freePort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const port = (srv.address() as { port: number }).port;
  await new Promise((r) => srv.close(r));
  return port;
}

async function startNats(port: number): Promise<ChildProcess> {
  const child = spawn(NATS_SERVER, ['-a', '127.0.0.1', '-p', String(port)], { stdio: 'ignore' });
  await until('nats-server to listen', async () => {
    const { connect } = await import('node:net');
    return new Promise<boolean>((r) => {
      const s = connect(port, '127.0.0.1', () => (s.end(), r(true)));
      s.on('error', () => r(false));
    });
  });
  return child;
}

async function until<T>(what: string, probe: () => Promise<T | undefined | false>, ms = 30_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await probe().catch(() => undefined);
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

const health = async (url: string) => {
  const res = await fetch(`${url}/healthz`);
  return { status: res.status, body: (await res.json()) as { bus?: string } };
};

describe.skipIf(!onPostgres || !existsSync(NATS_SERVER))('two server processes on the NATS bus (PARLEY_BUS_URL)', () => {
  let nats: ChildProcess;
  let port: number;
  let a: TestServer;
  let b: Awaited<ReturnType<typeof spawnServer>>;
  const sockets: TestSocket[] = [];
  beforeAll(async () => {
    port = await freePort();
    nats = await startNats(port);
    const busUrl = `nats://127.0.0.1:${port}`;
    a = await startTestServer({ config: { busUrl } });
    b = await spawnServer({ DATABASE_URL: a.databaseUrl!, PARLEY_BUS_URL: busUrl, PARLEY_LOG: 'silent' });
  });
  afterAll(async () => {
    for (const s of sockets) s.close();
    await b?.stop();
    await a?.close();
    nats?.kill('SIGKILL');
  });

  async function scene(origin: string) {
    const c = await cast(a.url, a.admin, origin);
    const me = (await c.member.get('/api/auth/me')).body.user as User;
    const memberB = await ApiClient.staff(b.url, me.email, 'member-password-1');
    const memberWs = await TestSocket.staff(b.url, memberB);
    const customerWs = await TestSocket.visitor(a.url, c.customer);
    sockets.push(memberWs, customerWs);
    const ticket = (await newTicket(c.customer, 'over nats')).body;
    await memberWs.next((f) => f.type === 'ticket_created' && f.ticket.id === ticket.id);
    await memberB.post(`/api/tickets/${ticket.id}/accept`);
    await customerWs.next((f) => f.type === 'ticket_accepted' && f.ticket.id === ticket.id);
    await memberWs.request({ type: 'join', ticketId: ticket.id });
    await customerWs.request({ type: 'join', ticketId: ticket.id });
    return { c, me, memberWs, customerWs, ticket };
  }
  const gotMessage = (ws: TestSocket, clientId: string, ms = 30_000) => ws.next((f) => f.type === 'message' && f.message.clientId === clientId, ms);

  it('carries tickets, messages, typing and revocations between the instances', async () => {
    const { c, me, memberWs, customerWs, ticket } = await scene('http://nats.test');
    for (let i = 1; i <= 5; i++) {
      await customerWs.request({ type: 'message', ticketId: ticket.id, clientId: `c${i}`, body: `from A ${i}` });
      await memberWs.request({ type: 'message', ticketId: ticket.id, clientId: `m${i}`, body: `from B ${i}` });
    }
    await customerWs.next((f) => f.type === 'message' && f.message.seq === 10);
    await memberWs.next((f) => f.type === 'message' && f.message.seq === 10);
    const all = Array.from({ length: 10 }, (_, i) => i + 1);
    expect(customerWs.messages(ticket.id)).toEqual(all);
    expect(memberWs.messages(ticket.id)).toEqual(all);
    memberWs.send({ type: 'typing', ticketId: ticket.id });
    expect(await customerWs.next((f) => f.type === 'typing')).toMatchObject({ author: { kind: 'member' } });
    expect((await health(a.url)).body.bus).toBe('ok');
    // Deactivated on A, the member's socket on B closes.
    expect((await c.adminApi.patch(`/api/users/${me.id}`, { active: false })).status).toBe(200);
    expect((await memberWs.closed).code).toBe(4001);
  });

  it('reports the bus down while NATS is away, and catches up from the database when it is back', async () => {
    const { c, memberWs, customerWs, ticket } = await scene('http://nats-fault.test');
    nats.kill('SIGKILL');
    await until('A to report its bus down', async () => {
      const h = await health(a.url);
      return h.status === 503 && h.body.bus === 'reconnecting';
    });
    // Messages are still stored and acked; they cross once NATS is back (the resync reads them).
    expect(await customerWs.request({ type: 'message', ticketId: ticket.id, clientId: 'gap-a', body: 'sent while NATS was down' })).toMatchObject({ type: 'ack' });
    expect(await memberWs.request({ type: 'message', ticketId: ticket.id, clientId: 'gap-b', body: 'and from B' })).toMatchObject({ type: 'ack' });
    const created = (await newTicket(c.customer, 'opened during the gap')).body;

    nats = await startNats(port);
    await until('A healthy again', async () => (await health(a.url)).status === 200);
    await until('B healthy again', async () => (await health(b.url)).status === 200);
    await gotMessage(memberWs, 'gap-a');
    await gotMessage(customerWs, 'gap-b');
    await memberWs.next((f) => f.type === 'ticket_created' && f.ticket.id === created.id, 15_000);
    // Live again, both ways.
    await customerWs.request({ type: 'message', ticketId: ticket.id, clientId: 'after-a', body: 'live again' });
    await gotMessage(memberWs, 'after-a');
    await memberWs.request({ type: 'message', ticketId: ticket.id, clientId: 'after-b', body: 'live again too' });
    await gotMessage(customerWs, 'after-b');
    // Nothing doubled.
    expect(customerWs.messages(ticket.id)).toEqual([...new Set(customerWs.messages(ticket.id))]);
  }, 90_000);
});
