import { connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import type { Message, ServerFrame, Ticket } from '../../protocol/index.ts';
import { ApiClient, cast, newTicket, TestSocket } from '../testing/api.ts';
import { startTestServer } from '../testing/test-server.ts';

type Ack = Extract<ServerFrame, { type: 'ack' }>;

describe('graceful shutdown', () => {
  it('answers every message it read before stopping, closes sockets with 1012, and stores nothing it did not ack', async () => {
    const server = await startTestServer();
    let survivor: Awaited<ReturnType<typeof startTestServer>> | null = null;
    try {
      const c = await cast(server.url, server.admin);
      const ticket = (await newTicket(c.customer, 'shutdown')).body as Ticket;
      await c.member.post(`/api/tickets/${ticket.id}/accept`);
      const member = await TestSocket.staff(server.url, c.member);
      const customer = await TestSocket.visitor(server.url, c.customer);
      await member.request({ type: 'join', ticketId: ticket.id });
      await customer.request({ type: 'join', ticketId: ticket.id });

      // The signal comes while the batch statement storing a burst runs; frames sent after it go unread.
      // (The writer runs its batch statement as a prepared statement of its own: wrap that.)
      const writer = (server.services.messages as unknown as { writer: { statement: (params: unknown[]) => Promise<unknown[]> } }).writer;
      const statement = writer.statement;
      let stopped: Promise<boolean> | null = null;
      writer.statement = (params) => {
        stopped ??= server.shutdown();
        return statement(params);
      };
      const send = (clientId: string) => void member.request({ type: 'message', ticketId: ticket.id, clientId, body: clientId }).catch(() => null);
      for (let i = 0; i < 20; i++) send(`before-${i}`);
      while (!stopped) await new Promise((r) => setTimeout(r, 1));
      for (let i = 0; i < 10; i++) send(`after-${i}`);
      expect(await stopped!).toBe(true);

      expect((await member.closed).code).toBe(1012);
      expect((await customer.closed).code).toBe(1012);
      const acked = member.frames.filter((f): f is Ack => f.type === 'ack' && !!f.message).map((f) => f.message!.clientId);
      expect(member.frames.filter((f) => f.type === 'error')).toEqual([]);
      expect(acked.length).toBeGreaterThan(0);
      expect(acked.every((id) => id.startsWith('before-'))).toBe(true);
      // The customer saw every acked message live, in order.
      expect(customer.frames.filter((f) => f.type === 'message').map((f) => (f as { message: Message }).message.clientId)).toEqual(acked);

      // What the database holds is exactly what was acked; the rest the client resends (same clientId) elsewhere.
      survivor = await startTestServer({ databaseUrl: server.databaseUrl ?? undefined, config: server.databaseUrl ? {} : { dataDir: server.services.config.dataDir } });
      const admin = await ApiClient.staff(survivor.url, server.admin.email, server.admin.password);
      const stored = (await admin.get(`/api/tickets/${ticket.id}/messages?after=0`)).body.messages as Message[];
      expect(stored.map((m) => m.clientId)).toEqual(acked);
      expect(stored.map((m) => m.seq)).toEqual(acked.map((_, i) => i + 1));
    } finally {
      await survivor?.close();
      await server.close();
    }
  });

  it('says 503 on /readyz while stopping, and stops within PARLEY_SHUTDOWN_SECONDS even when a request never finishes', async () => {
    const server = await startTestServer({ config: { shutdownSeconds: 0.5 } });
    try {
      // A request whose body never arrives keeps its connection busy.
      const hung = connect(server.port, '127.0.0.1');
      await new Promise((r) => hung.once('connect', r));
      hung.on('error', () => {});
      hung.write(`POST /api/auth/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"email"`);
      await new Promise((r) => setTimeout(r, 100));
      const closedByServer = new Promise((r) => hung.once('close', r));
      const stopped = server.shutdown();
      // Until it stops, it still answers: not ready, and no new work.
      const ready = await fetch(`${server.url}/readyz`);
      expect(ready.status).toBe(503);
      expect(await ready.json()).toEqual({ status: 'stopping' });
      expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
      expect((await fetch(`${server.url}/api/auth/me`)).status).toBe(503);
      expect(await stopped).toBe(false);
      await closedByServer;
    } finally {
      await server.close();
    }
  });
});
