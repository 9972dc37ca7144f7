import { describe, expect, it } from 'vitest';
import { ApiClient, newTicket, TestSocket } from '../testing/api.ts';
import { useAssignedTicket } from '../testing/fixture.ts';

// The server runs with the default limits (README, "Fair use on sockets").
const f = useAssignedTicket();

describe('fair use on sockets', () => {
  it('relays at most a few typing frames per second per sender and ticket', async () => {
    const { c, server } = f;
    const customer = await TestSocket.visitor(server.url, c.customer);
    const member = await TestSocket.staff(server.url, c.member);
    f.sockets.push(customer, member);
    await customer.request({ type: 'join', ticketId: f.ticket.id });
    await member.request({ type: 'join', ticketId: f.ticket.id });
    const from = customer.frames.length;
    for (let i = 0; i < 200; i++) member.send({ type: 'typing', ticketId: f.ticket.id });
    await member.request({ type: 'ping' });
    await customer.quiet(() => false, 400);
    const relayed = customer.frames.slice(from).filter((x) => x.type === 'typing');
    expect(relayed.length).toBeGreaterThanOrEqual(1);
    expect(relayed.length).toBeLessThanOrEqual(2);
    await new Promise((r) => setTimeout(r, 600));
    member.send({ type: 'typing', ticketId: f.ticket.id });
    await customer.next((x) => x.type === 'typing', 2000, customer.frames.length);
  });

  it('caps sockets per visitor token and per staff session', async () => {
    const { c, server } = f;
    const visitor = await ApiClient.visitor(server.url, c.site.key, c.origin);
    const mine: TestSocket[] = [];
    for (let i = 0; i < 20; i++) mine.push(await TestSocket.visitor(server.url, visitor));
    f.sockets.push(...mine);
    const extra = await TestSocket.open(server.url, { origin: c.origin });
    extra.send({ type: 'auth', token: visitor.token });
    expect(await extra.next((x) => x.type === 'error')).toMatchObject({ code: 'rate_limited' });
    expect((await extra.closed).code).toBe(1008);
    expect(extra.frames.some((x) => x.type === 'ready')).toBe(false);
    // Closing one makes room again.
    mine.pop()!.close();
    await new Promise((r) => setTimeout(r, 100));
    f.sockets.push(await TestSocket.visitor(server.url, visitor));

    const staff = await ApiClient.staff(server.url, server.admin.email, server.admin.password);
    for (let i = 0; i < 20; i++) f.sockets.push(await TestSocket.staff(server.url, staff));
    await expect(TestSocket.open(server.url, { cookie: staff.cookie })).rejects.toThrow(/429/);
  });

  it('caps unauthenticated sockets per address', async () => {
    const { c, server } = f;
    const waiting: TestSocket[] = [];
    for (let i = 0; i < 100; i++) waiting.push(await TestSocket.open(server.url, { origin: c.origin }));
    f.sockets.push(...waiting);
    await expect(TestSocket.open(server.url, { origin: c.origin })).rejects.toThrow(/429/);
    // Once one authenticates, it no longer counts.
    waiting[0]!.send({ type: 'auth', token: c.customer.token });
    await waiting[0]!.next((x) => x.type === 'ready');
    f.sockets.push(await TestSocket.open(server.url, { origin: c.origin }));
    for (const s of waiting) s.close();
  });

  it('sends a join replay in chunks that wait for the socket, so sockets that stop reading hold little', async () => {
    const { c, server } = f;
    const t = (await newTicket(c.customer, 'long history')).body;
    await c.member.post(`/api/tickets/${t.id}/accept`);
    const N = 3000;
    // 3,000 messages of 8 KB each (24 MB), more than the operating system buffers on loopback.
    await server.services.db.sql(
      `insert into messages (id, ticket_id, seq, client_id, author_kind, author_id, author_name, body, created_at)
       select gen_random_uuid(), ?, g, 'h' || g, 'customer', ?, null, repeat('é', 4000), now() from generate_series(1, ${N}) g`,
      [t.id, c.customer.session.customer.id],
    );
    await server.services.db.sql('update tickets set last_seq = ? where id = ?', [N, t.id]);

    const readers = await Promise.all([0, 1, 2].map(() => TestSocket.visitor(server.url, c.customer)));
    f.sockets.push(...readers);
    for (const r of readers) {
      (r.ws as unknown as { _socket: { pause(): void } })._socket.pause();
      r.send({ type: 'join', ticketId: t.id, ref: 'j' });
    }
    await new Promise((r) => setTimeout(r, 1500));
    const held = [...server.hub.connections].filter((conn) => conn.rooms.has(t.id));
    expect(held).toHaveLength(3);
    for (const conn of held) {
      expect(conn.open).toBe(true);
      expect(conn.ws.bufferedAmount).toBeLessThan(512 * 1024);
    }
    // Reading again, each gets the whole history, in order, then the ack.
    for (const r of readers) (r.ws as unknown as { _socket: { resume(): void } })._socket.resume();
    for (const r of readers) {
      expect(await r.next((x) => x.type === 'ack' && x.ref === 'j', 30_000)).toMatchObject({ replayed: N });
      expect(r.messages(t.id)).toEqual(Array.from({ length: N }, (_, i) => i + 1));
    }
  }, 90_000);
});
