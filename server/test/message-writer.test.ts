import { describe, expect, it } from 'vitest';
import type { Message, ServerFrame } from '../../protocol/index.ts';
import { ApiClient, newTicket, TestSocket } from '../testing/api.ts';
import { useAssignedTicket } from '../testing/fixture.ts';

const f = useAssignedTicket();

// Text PostgreSQL cannot store: U+0000, and lone UTF-16 surrogates.
const POISON = ['nul \u0000 inside', 'lone high \ud800', 'lone low \udc00 here', '\u0000'];

async function history(api: ApiClient, ticketId: string): Promise<Message[]> {
  return (await api.get(`/api/tickets/${ticketId}/messages?limit=200`)).body.messages as Message[];
}

describe('the batch writer isolates a row the database refuses', () => {
  it('stores every innocent message of a burst once, refusing only the poisoned ones, when called directly', async () => {
    const { c, server } = f;
    // Two customers, each on their own assigned ticket, sending at the same time.
    const other = await ApiClient.visitor(server.url, c.site.key, c.origin);
    const t2 = (await newTicket(other, 'second customer')).body;
    await c.member.post(`/api/tickets/${t2.id}/accept`);
    const alice = (await server.services.visitors.resolve(c.customer.token))!;
    const bob = (await server.services.visitors.resolve(other.token))!;
    const sends: Promise<{ ok: boolean; poisoned: boolean; code?: string; clientId: string }>[] = [];
    const send = (actor: typeof alice, ticketId: string, clientId: string, body: string, poisoned: boolean) =>
      sends.push(server.services.messages.send(actor, ticketId, clientId, body).then(
        () => ({ ok: true, poisoned, clientId }),
        (err: { code?: string }) => ({ ok: false, poisoned, code: err.code, clientId }),
      ));
    for (let i = 0; i < 120; i++) {
      send(alice, f.ticket.id, `a-${i}`, `alice ${i}`, false);
      send(bob, t2.id, `b-${i}`, `bob ${i}`, false);
      if (i % 7 === 0) send(bob, t2.id, `bp-${i}`, POISON[i % POISON.length]!, true);
      if (i % 11 === 0) send(alice, f.ticket.id, `ap-${i}`, POISON[(i + 1) % POISON.length]!, true);
    }
    const results = await Promise.all(sends);
    expect(results.filter((r) => !r.poisoned && !r.ok)).toEqual([]);
    for (const r of results.filter((x) => x.poisoned)) expect(r).toMatchObject({ ok: false, code: 'bad_request' });

    for (const [api, ticketId, prefix] of [[c.customer, f.ticket.id, 'a-'], [other, t2.id, 'b-']] as const) {
      const stored = await history(api, ticketId);
      expect(stored.map((m) => m.clientId).sort()).toEqual(Array.from({ length: 120 }, (_, i) => `${prefix}${i}`).sort());
      expect(stored.map((m) => m.seq)).toEqual(Array.from({ length: 120 }, (_, i) => i + 1));
    }
  });

  it('does the same for messages sent over sockets', async () => {
    const { c, server } = f;
    const t = (await newTicket(c.customer, 'sockets')).body;
    await c.member.post(`/api/tickets/${t.id}/accept`);
    const customer = await TestSocket.visitor(server.url, c.customer);
    const member = await TestSocket.staff(server.url, c.member);
    f.sockets.push(customer, member);
    const replies: Promise<{ poisoned: boolean; reply: ServerFrame }>[] = [];
    // Under the default per-socket burst, so fair use refuses nothing here.
    for (let i = 0; i < 25; i++) {
      for (const [ws, who] of [[customer, 'c'], [member, 'm']] as const) {
        const poisoned = i % 5 === 2;
        const body = poisoned ? POISON[i % POISON.length]! : `${who} ${i}`;
        replies.push(ws.request({ type: 'message', ticketId: t.id, clientId: `${who}-${i}`, body }).then((reply) => ({ poisoned, reply })));
      }
    }
    const all = await Promise.all(replies);
    for (const { poisoned, reply } of all) {
      if (poisoned) expect(reply).toMatchObject({ type: 'error', code: 'bad_request' });
      else expect(reply).toMatchObject({ type: 'ack', message: { ticketId: t.id } });
    }
    const stored = await history(c.customer, t.id);
    const innocent = all.filter((x) => !x.poisoned).map((x) => (x.reply as { message: Message }).message.clientId);
    expect(stored.map((m) => m.clientId).sort()).toEqual(innocent.sort());
    expect(stored.map((m) => m.seq)).toEqual(stored.map((_, i) => i + 1));
    // The sockets stay usable.
    expect(await customer.request({ type: 'ping' })).toMatchObject({ type: 'pong' });
  });
  it('keeps each ticket\'s messages in the order they were sent, over more batches than one', async () => {
    const { c, server } = f;
    const tickets: { visitor: ApiClient; t: { id: string }; actor: NonNullable<Awaited<ReturnType<typeof server.services.visitors.resolve>>> }[] = [];
    for (let k = 0; k < 3; k++) {
      const visitor = await ApiClient.visitor(server.url, c.site.key, c.origin);
      const t = (await newTicket(visitor, `order ${k}`)).body;
      await c.member.post(`/api/tickets/${t.id}/accept`);
      tickets.push({ visitor, t, actor: (await server.services.visitors.resolve(visitor.token))! });
    }
    // More than one batch holds (256), some sent while the first batches run.
    const sends: Promise<unknown>[] = [];
    const wave = (from: number, to: number, of: typeof tickets) => {
      for (let i = from; i < to; i++) for (const x of of) sends.push(server.services.messages.send(x.actor, x.t.id, `o-${i}`, `order ${i}`));
    };
    wave(0, 200, tickets);
    await new Promise((ok) => setImmediate(ok));
    wave(200, 260, tickets.slice(1));
    wave(200, 260, tickets.slice(0, 1));
    await Promise.all(sends);
    for (const x of tickets) {
      const stored = [...(await history(x.visitor, x.t.id)), ...(await x.visitor.get(`/api/tickets/${x.t.id}/messages?after=200&limit=200`)).body.messages as Message[]];
      expect(stored.map((m) => m.seq)).toEqual(Array.from({ length: 260 }, (_, i) => i + 1));
      expect(stored.map((m) => m.clientId)).toEqual(Array.from({ length: 260 }, (_, i) => `o-${i}`));
    }
  });
});
