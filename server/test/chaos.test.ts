import { afterAll, describe, expect, it } from 'vitest';
import type { Message, ServerFrame, Site, User } from '../../protocol/index.ts';
import { ApiClient, newTicket, TestSocket } from '../testing/api.ts';
import { freshDatabase } from '../testing/fresh-database.ts';
import { spawnServer } from '../testing/spawn-server.ts';

// The server is a separate process, killed with SIGKILL while hundreds of messages are in flight, then
// restarted on the same database (PostgreSQL, or the same PGlite data directory). Fair-use limits are
// raised: this is about crash safety, not about flood control.
const ADMIN = { email: 'chaos-admin@example.test', password: 'chaos-admin-password' };
const ORIGIN = 'http://chaos.test';
const TICKETS = 8;
const PER_SIDE = 100; // 8 tickets x 2 sides x 100 = 1,600 messages sent at once
const env = (db: Record<string, string>) => ({
  ...db, PARLEY_LOG: 'silent', PARLEY_ADMIN_EMAIL: ADMIN.email, PARLEY_ADMIN_PASSWORD: ADMIN.password,
  PARLEY_SOCKET_MESSAGE_BURST: '100000', PARLEY_USER_MESSAGE_BURST: '100000',
});

interface Side { api: ApiClient; ticketId: string; prefix: string; ws?: TestSocket }

describe('chaos: the server killed with SIGKILL mid-batch', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const c of cleanups.reverse()) await c().catch(() => {});
  });

  it('loses and doubles nothing: every clientId stored once, seqs gapless per ticket, acked ones kept', async () => {
    const db = await freshDatabase();
    cleanups.push(db.drop);
    let server = await spawnServer(env(db.env));
    cleanups.push(() => server.stop());

    const adminApi = await ApiClient.staff(server.url, ADMIN.email, ADMIN.password);
    const site = (await adminApi.post<Site>('/api/sites', { name: 'Chaos', origins: [ORIGIN] })).body;
    const email = 'chaos-member@example.test';
    await adminApi.post<User>('/api/users', { email, name: 'Mo', password: 'member-password-1', role: 'member' });
    const member = await ApiClient.staff(server.url, email, 'member-password-1');
    const sides: Side[] = [];
    for (let t = 0; t < TICKETS; t++) {
      const customer = await ApiClient.visitor(server.url, site.key, ORIGIN);
      const ticket = (await newTicket(customer, `chaos ${t}`)).body;
      await member.post(`/api/tickets/${ticket.id}/accept`);
      sides.push({ api: customer, ticketId: ticket.id, prefix: `c${t}-` }, { api: member, ticketId: ticket.id, prefix: `m${t}-` });
    }
    const connect = async (side: Side, url: string) => {
      side.api = Object.assign(Object.create(Object.getPrototypeOf(side.api)), side.api, { base: url });
      side.ws = side.prefix.startsWith('c') ? await TestSocket.visitor(url, side.api) : await TestSocket.staff(url, side.api);
    };
    for (const side of sides) await connect(side, server.url);

    // Everything goes out at once; the kill comes with the first ack, so the next batch is in flight
    // (acks come a whole batch at a time, so waiting for a count let the writer finish most of them).
    const acked = new Map<string, Message>();
    let killAtFirstAck = true;
    const listen = (side: Side) => side.ws!.ws.on('message', (d) => {
      const f = JSON.parse(d.toString()) as ServerFrame;
      if (f.type !== 'ack' || !f.message?.clientId.startsWith(side.prefix)) return;
      acked.set(f.message.clientId, f.message);
      if (killAtFirstAck) {
        killAtFirstAck = false;
        server.child.kill('SIGKILL');
      }
    });
    sides.forEach(listen);
    for (let i = 0; i < PER_SIDE; i++) {
      for (const side of sides) side.ws!.send({ type: 'message', ticketId: side.ticketId, clientId: `${side.prefix}${i}`, body: `${side.prefix}${i}`, ref: `${side.prefix}${i}` });
    }
    const all = sides.length * PER_SIDE;
    await new Promise((r) => server.child.once('exit', r));
    const ackedBefore = new Map(acked);
    expect(ackedBefore.size).toBeGreaterThan(0);
    // At least 500 were still in flight (received, batched or not yet read) when the process died.
    expect(all - ackedBefore.size).toBeGreaterThanOrEqual(500);

    // Restarted on the same database; every client reconnects and resends what was not acked, with the same clientId.
    server = await spawnServer(env(db.env));
    for (const side of sides) await connect(side, server.url);
    sides.forEach(listen);
    const resends: Promise<unknown>[] = [];
    for (const side of sides) {
      for (let i = 0; i < PER_SIDE; i++) {
        const clientId = `${side.prefix}${i}`;
        if (!ackedBefore.has(clientId)) resends.push(side.ws!.request({ type: 'message', ticketId: side.ticketId, clientId, body: clientId }));
      }
    }
    for (const reply of (await Promise.all(resends)) as ServerFrame[]) expect(reply).toMatchObject({ type: 'ack' });
    expect(acked.size).toBe(all);

    for (let t = 0; t < TICKETS; t++) {
      const customer = sides[2 * t]!;
      const stored = (await customer.api.get(`/api/tickets/${customer.ticketId}/messages?limit=200`)).body.messages as Message[];
      const expected = ['c', 'm'].flatMap((p) => Array.from({ length: PER_SIDE }, (_, i) => `${p}${t}-${i}`));
      expect(stored.map((m) => m.clientId).sort()).toEqual(expected.sort());
      expect(stored.map((m) => m.seq)).toEqual(stored.map((_, i) => i + 1));
      // What was acked before the crash was durable, with the seq it was acked with.
      for (const m of stored) if (ackedBefore.has(m.clientId)) expect(m.seq).toBe(ackedBefore.get(m.clientId)!.seq);
    }
    for (const side of sides) side.ws!.close();
  }, 120_000);
});
