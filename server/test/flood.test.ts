import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Message, ServerFrame, Ticket } from '../../protocol/index.ts';
import { ApiClient, cast, newTicket, TestSocket } from '../testing/api.ts';
import { freshDatabase } from '../testing/fresh-database.ts';
import { spawnServer } from '../testing/spawn-server.ts';

// The server is its own process with the default limits, so the flood and the bystander's pings compete
// for the server's event loop only, as they would in production.
const ADMIN = { email: 'flood-admin@example.test', password: 'flood-admin-password' };
const p50 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function pingTimes(ws: TestSocket, n: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await ws.request({ type: 'ping' });
    times.push(performance.now() - t);
  }
  return times;
}

describe('a message flood from one socket', () => {
  let server: Awaited<ReturnType<typeof spawnServer>>;
  let drop: () => Promise<void>;
  let c: Awaited<ReturnType<typeof cast>>;
  let ticket: Ticket;
  const sockets: TestSocket[] = [];
  beforeAll(async () => {
    const db = await freshDatabase();
    drop = db.drop;
    server = await spawnServer({ ...db.env, PARLEY_LOG: 'silent', PARLEY_ADMIN_EMAIL: ADMIN.email, PARLEY_ADMIN_PASSWORD: ADMIN.password });
    c = await cast(server.url, ADMIN);
    ticket = (await newTicket(c.customer)).body;
    await c.member.post(`/api/tickets/${ticket.id}/accept`);
  });
  afterAll(async () => {
    for (const s of sockets) s.close();
    await server?.stop();
    await drop?.();
  });

  it('is refused early with a retry hint, stores only what it acked, and leaves others responsive', async () => {
    const flooder = await TestSocket.visitor(server.url, c.customer);
    const other = await ApiClient.visitor(server.url, c.site.key, c.origin);
    const bystander = await TestSocket.visitor(server.url, other);
    sockets.push(flooder, bystander);
    await pingTimes(bystander, 20); // warm-up
    const idle = p50(await pingTimes(bystander, 50));

    const N = 5000;
    const replies = new Map<string, ServerFrame>();
    const all = new Promise<void>((done) => flooder.ws.on('message', (d) => {
      const frame = JSON.parse(d.toString()) as ServerFrame;
      if ((frame.type === 'ack' || frame.type === 'error') && frame.ref?.startsWith('flood-')) {
        replies.set(frame.ref, frame);
        if (replies.size === N) done();
      }
    }));
    for (let i = 0; i < N; i++) flooder.send({ type: 'message', ticketId: ticket.id, clientId: `flood-${i}`, body: `flood ${i}`, ref: `flood-${i}` });
    // The bystander pings while the flood is being answered.
    const busy: number[] = [];
    while (replies.size < N) busy.push(...(await pingTimes(bystander, 5)));
    await all;

    const acked = [...replies.values()].filter((r) => r.type === 'ack') as Extract<ServerFrame, { type: 'ack' }>[];
    const limited = [...replies.values()].filter((r) => r.type === 'error') as Extract<ServerFrame, { type: 'error' }>[];
    expect(acked.length).toBeGreaterThanOrEqual(30);
    expect(acked.length).toBeLessThan(500);
    expect(limited.length).toBe(N - acked.length);
    for (const e of limited) expect(e).toMatchObject({ code: 'rate_limited', retryAfterMs: expect.any(Number) });
    expect(Math.min(...limited.map((e) => e.retryAfterMs!))).toBeGreaterThan(0);
    // Exactly the acked messages are stored, once each, numbered without gaps.
    const stored = (await c.customer.get(`/api/tickets/${ticket.id}/messages?limit=500`)).body.messages as Message[];
    expect(stored.map((m) => m.clientId).sort()).toEqual(acked.map((a) => a.message!.clientId).sort());
    expect(stored.map((m) => m.seq)).toEqual(stored.map((_, i) => i + 1));
    // Another customer's round trip stays within an order of magnitude of its idle figure.
    expect(busy.length).toBeGreaterThanOrEqual(5);
    expect(p50(busy)).toBeLessThan(10 * Math.max(idle, 1));
    const metrics = await (await fetch(`${server.url}/metrics`)).text();
    expect(Number(/parley_rate_limited_total\{limit="messages"\} (\d+)/.exec(metrics)?.[1])).toBe(limited.length);

    // A refused message resent after the hint is stored.
    await new Promise((r) => setTimeout(r, limited.at(-1)!.retryAfterMs! + 50));
    const retry = await flooder.request({ type: 'message', ticketId: ticket.id, clientId: 'flood-4999', body: 'flood 4999' });
    expect(retry).toMatchObject({ type: 'ack', message: { clientId: 'flood-4999' } });
  }, 60_000);
});
