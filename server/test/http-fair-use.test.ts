import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ticket } from '../../protocol/index.ts';
import { cast, newTicket, TestSocket } from '../testing/api.ts';
import { startTestServer, type TestServer } from '../testing/test-server.ts';

// A small per-user allowance (1 a second, 5 at once) so the test does not depend on how fast the machine is.
const fairUse = {
  socketMessages: { perSecond: 5, burst: 30 },
  userMessages: { perSecond: 1, burst: 5 },
  typingPerSecond: 3,
  socketsPerVisitorToken: 20, socketsPerStaffSession: 20, unauthenticatedSocketsPerAddress: 100,
};

describe('messages sent over HTTP', () => {
  let server: TestServer;
  let c: Awaited<ReturnType<typeof cast>>;
  let ticket: Ticket;
  const sockets: TestSocket[] = [];
  beforeAll(async () => {
    server = await startTestServer({ config: { fairUse } });
    c = await cast(server.url, server.admin);
    ticket = (await newTicket(c.customer)).body;
    await c.member.post(`/api/tickets/${ticket.id}/accept`);
  });
  afterAll(async () => {
    for (const s of sockets) s.close();
    await server?.close();
  });

  it('draw from the same per-user allowance as the sockets', async () => {
    const path = `/api/tickets/${ticket.id}/messages`;
    const started = performance.now();
    const replies = await Promise.all(Array.from({ length: 30 }, (_, i) => c.customer.post(path, { clientId: `http-${i}`, body: `m${i}` })));
    const seconds = (performance.now() - started) / 1000;
    const accepted = replies.filter((r) => r.status === 201).length;
    const refused = replies.filter((r) => r.status === 429);
    expect(accepted + refused.length).toBe(30);
    expect(accepted).toBeGreaterThanOrEqual(5);
    expect(accepted).toBeLessThanOrEqual(5 + Math.ceil(seconds) + 1);
    expect(refused[0]!.body.error).toMatchObject({ code: 'rate_limited' });

    const raw = await fetch(server.url + path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: c.origin, authorization: `Bearer ${c.customer.token}` },
      body: JSON.stringify({ clientId: 'http-raw', body: 'one more' }),
    });
    expect(raw.status).toBe(429);
    expect(Number(raw.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);

    // The allowance is the user's, not the path's: their socket is refused too.
    const sock = await TestSocket.visitor(server.url, c.customer);
    sockets.push(sock);
    sock.send({ type: 'message', ticketId: ticket.id, clientId: 'ws-after-http', body: 'x', ref: 'w' });
    expect(await sock.next((x) => x.type === 'error' && x.ref === 'w')).toMatchObject({ code: 'rate_limited' });

    // Stored exactly what was accepted; another user (the member) is not limited by it.
    const stored = (await c.member.get(`${path}?limit=200`)).body.messages.filter((m: { clientId: string }) => m.clientId.startsWith('http-'));
    expect(stored).toHaveLength(accepted);
    expect((await c.member.post(path, { clientId: 'member-after', body: 'still fine' })).status).toBe(201);
  });
});
