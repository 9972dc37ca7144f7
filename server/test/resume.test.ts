import { describe, expect, it } from 'vitest';
import type { Ticket } from '../../protocol/index.ts';
import { TestSocket } from '../testing/api.ts';
import { useAssignedTicket } from '../testing/fixture.ts';

const f = useAssignedTicket();

describe('nothing lost, nothing doubled', () => {
  it('replays what a reconnecting client missed, in order, then continues live', async () => {
    const member = await TestSocket.staff(f.server.url, f.c.member);
    f.sockets.push(member);
    await member.request({ type: 'join', ticketId: f.ticket.id });
    let customer = await TestSocket.visitor(f.server.url, f.c.customer);
    await customer.request({ type: 'join', ticketId: f.ticket.id, after: 0 });
    for (let i = 1; i <= 3; i++) await member.request({ type: 'message', ticketId: f.ticket.id, clientId: `a${i}`, body: `before ${i}` });
    await customer.next((f) => f.type === 'message' && f.message.seq === 3);
    expect(customer.messages(f.ticket.id)).toEqual([1, 2, 3]);

    // The customer drops off; the member keeps writing.
    customer.ws.terminate();
    for (let i = 4; i <= 8; i++) await member.request({ type: 'message', ticketId: f.ticket.id, clientId: `a${i}`, body: `while away ${i}` });

    customer = await TestSocket.visitor(f.server.url, f.c.customer);
    f.sockets.push(customer);
    const ack = await customer.request({ type: 'join', ticketId: f.ticket.id, after: 3 });
    expect(ack).toMatchObject({ type: 'ack', replayed: 5 });
    expect(customer.messages(f.ticket.id)).toEqual([4, 5, 6, 7, 8]);
    await member.request({ type: 'message', ticketId: f.ticket.id, clientId: 'a9', body: 'live again' });
    await customer.next((f) => f.type === 'message' && f.message.seq === 9);
    expect(customer.messages(f.ticket.id)).toEqual([4, 5, 6, 7, 8, 9]);
  });

  it('stores a resent message once and answers both sends with the same ack', async () => {
    const customer = await TestSocket.visitor(f.server.url, f.c.customer);
    f.sockets.push(customer);
    await customer.request({ type: 'join', ticketId: f.ticket.id, after: 9 });
    const first = await customer.request({ type: 'message', ticketId: f.ticket.id, clientId: 'dup-1', body: 'only once' });
    const second = await customer.request({ type: 'message', ticketId: f.ticket.id, clientId: 'dup-1', body: 'only once' });
    expect(first.type).toBe('ack');
    expect(second).toMatchObject({ type: 'ack', message: (first as { message: object }).message });
    const viaHttp = await f.c.customer.post(`/api/tickets/${f.ticket.id}/messages`, { clientId: 'dup-1', body: 'only once' });
    expect(viaHttp.status).toBe(200);
    const history = (await f.c.customer.get(`/api/tickets/${f.ticket.id}/messages?after=9`)).body.messages;
    expect(history.filter((m: { clientId: string }) => m.clientId === 'dup-1')).toHaveLength(1);
  });

  it('keeps one order and no gaps under concurrent sends from both sides', async () => {
    const member = await TestSocket.staff(f.server.url, f.c.member);
    const customer = await TestSocket.visitor(f.server.url, f.c.customer);
    const watcher = await TestSocket.staff(f.server.url, f.c.adminApi);
    f.sockets.push(member, customer, watcher);
    const start = (await f.c.customer.get<Ticket>(`/api/tickets/${f.ticket.id}`)).body.lastSeq;
    for (const s of [member, customer, watcher]) await s.request({ type: 'join', ticketId: f.ticket.id, after: start });
    const sends: Promise<unknown>[] = [];
    for (let i = 0; i < 20; i++) {
      sends.push(member.request({ type: 'message', ticketId: f.ticket.id, clientId: `m-${i}`, body: `m${i}` }));
      sends.push(customer.request({ type: 'message', ticketId: f.ticket.id, clientId: `c-${i}`, body: `c${i}` }));
      // Resends in the middle of it all must not create rows.
      if (i % 5 === 0) sends.push(customer.request({ type: 'message', ticketId: f.ticket.id, clientId: `c-${i}`, body: `c${i}` }));
    }
    await Promise.all(sends);
    await watcher.next((f) => f.type === 'message' && f.message.seq === start + 40);
    const expected = Array.from({ length: 40 }, (_, i) => start + i + 1);
    expect(watcher.messages(f.ticket.id)).toEqual(expected);
    expect(customer.messages(f.ticket.id)).toEqual(expected);
    const history = (await f.c.adminApi.get(`/api/tickets/${f.ticket.id}/messages?after=${start}`)).body.messages;
    expect(history.map((m: { seq: number }) => m.seq)).toEqual(expected);
  });

  it('pages history by sequence number in both directions', async () => {
    const first = (await f.c.customer.get(`/api/tickets/${f.ticket.id}/messages?after=0&limit=4`)).body;
    expect(first.messages.map((m: { seq: number }) => m.seq)).toEqual([1, 2, 3, 4]);
    expect(first.hasMore).toBe(true);
    const back = (await f.c.customer.get(`/api/tickets/${f.ticket.id}/messages?before=5&limit=2`)).body;
    expect(back.messages.map((m: { seq: number }) => m.seq)).toEqual([3, 4]);
  });
});
