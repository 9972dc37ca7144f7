import { afterEach, describe, expect, it } from 'vitest';
import type { JoinFrame } from '../frames.ts';
import type { Message } from '../messages.ts';
import { RealtimeSocket } from './socket.ts';
import { startPeer, until, type Peer } from './test-peer.ts';
import { TicketSubscription } from './ticket-subscription.ts';

let peer: Peer;
let socket: RealtimeSocket;
afterEach(async () => {
  socket?.close();
  await peer?.close();
});

async function setup() {
  peer = await startPeer();
  socket = new RealtimeSocket(peer.url, { auth: () => 'tok', backoff: () => 20 }).connect();
  const seen: Message[] = [];
  const sub = new TicketSubscription(socket, 't1', { message: (m) => seen.push(m) });
  return { sub, seen };
}

const joins = (conn: number) => (peer.frames[conn] ?? []).filter((f): f is JoinFrame => f.type === 'join');

describe('TicketSubscription', () => {
  it('joins with the history it lacks and resumes from the last seq after a reconnect', async () => {
    peer = await startPeer();
    peer.store('t1', 'one');
    peer.store('t1', 'two');
    peer.store('t2', 'other ticket');
    socket = new RealtimeSocket(peer.url, { auth: () => 'tok', backoff: () => 20 }).connect();
    const seen: Message[] = [];
    new TicketSubscription(socket, 't1', { message: (m) => seen.push(m) }, 1);
    await until(() => seen.length === 1);
    expect(seen.map((m) => m.body)).toEqual(['two']);
    expect(joins(0).map((j) => j.after)).toEqual([1]);

    peer.dropAll();
    peer.store('t1', 'three (while away)');
    await until(() => seen.length === 2);
    expect(joins(1).map((j) => j.after)).toEqual([2]);
    expect(seen.map((m) => m.seq)).toEqual([2, 3]);
  });

  it('never delivers a seq twice, whatever the source', async () => {
    const { sub, seen } = await setup();
    await until(() => joins(0).length === 1);
    const m1 = peer.store('t1', 'a');
    peer.send({ type: 'message', message: m1 });
    peer.send({ type: 'message', message: m1 });
    await until(() => seen.length === 1);
    sub.receive(m1);
    peer.send({ type: 'message', message: peer.store('t1', 'b') });
    await until(() => seen.length === 2);
    expect(seen.map((m) => m.seq)).toEqual([1, 2]);
    // Duplicates are not mistaken for a gap: no extra join to fill one.
    await new Promise((r) => setTimeout(r, 1700));
    expect(joins(0).length).toBe(1);
  });

  it('holds a message that arrives early until the gap is filled, re-joining to fill it', async () => {
    const { sub, seen } = await setup();
    await until(() => joins(0).length === 1);
    const m1 = peer.store('t1', 'a');
    const m2 = peer.store('t1', 'b');
    sub.receive(m2);
    expect(seen).toEqual([]);
    // The server replays seq 1 (and 2) when asked again: the gap closes without duplicates.
    await until(() => seen.length === 2, 4000);
    expect(seen.map((m) => m.id)).toEqual([m1.id, m2.id]);
    expect(joins(0).at(-1)!.after).toBe(0);
  });

  it('surfaces ticket, typing and read events of its ticket only', async () => {
    peer = await startPeer();
    socket = new RealtimeSocket(peer.url, { auth: () => 'tok' }).connect();
    const events: string[] = [];
    new TicketSubscription(socket, 't1', {
      ticket: (t) => events.push(`ticket:${t.status}`),
      typing: (a) => events.push(`typing:${a.id}`),
      read: (seq) => events.push(`read:${seq}`),
    });
    await until(() => socket.state === 'open');
    const author = { kind: 'member' as const, id: 'u1' };
    const ticket = (id: string, status: 'closed' | 'assigned') => ({ id, status }) as never;
    peer.send({ type: 'typing', ticketId: 't2', author });
    peer.send({ type: 'typing', ticketId: 't1', author });
    peer.send({ type: 'read', ticketId: 't1', seq: 4, by: author });
    peer.send({ type: 'ticket_closed', ticket: ticket('t2', 'closed') });
    peer.send({ type: 'ticket_accepted', ticket: ticket('t1', 'assigned') });
    await until(() => events.length === 3);
    expect(events).toEqual(['typing:u1', 'read:4', 'ticket:assigned']);
  });

  it('reports a refused join and stops listening after leave', async () => {
    peer = await startPeer();
    socket = new RealtimeSocket(peer.url, { auth: () => 'tok' }).connect();
    await until(() => socket.state === 'open');
    peer.answer = false;
    const errors: string[] = [];
    const seen: Message[] = [];
    const sub = new TicketSubscription(socket, 't9', { error: (code) => errors.push(code), message: (m) => seen.push(m) });
    await until(() => joins(0).length === 1);
    peer.send({ type: 'error', ref: joins(0)[0]!.ref, code: 'forbidden', message: 'not yours' });
    await until(() => errors.length === 1);
    expect(errors).toEqual(['forbidden']);
    sub.leave();
    peer.send({ type: 'message', message: peer.store('t9', 'x') });
    await until(() => peer.frames[0]!.some((f) => f.type === 'leave'));
    expect(seen).toEqual([]);
  });
});

describe('TicketSubscription with internal notes', () => {
  it('orders notes in their own numbering and resumes both streams with after and afterNote', async () => {
    const { sub, seen } = await setup();
    await until(() => joins(0).length === 1);
    expect(joins(0)[0]).not.toHaveProperty('afterNote');
    const note = (seq: number): Message => ({ id: `n${seq}`, ticketId: 't1', seq, clientId: `n${seq}`, author: { kind: 'member', id: 'm' }, body: `note ${seq}`, createdAt: new Date(0).toISOString(), internal: true, afterSeq: 0 });
    sub.receive(note(2));
    sub.receive(note(1));
    sub.receive(note(1));
    peer.send({ type: 'message', message: peer.store('t1', 'public one') });
    await until(() => seen.length === 3);
    expect(seen.map((m) => [m.internal === true, m.seq])).toEqual([[true, 1], [true, 2], [false, 1]]);
    expect([sub.lastSeq, sub.lastNoteSeq]).toEqual([1, 2]);
    peer.dropAll();
    await until(() => joins(1).length === 1);
    expect(joins(1)[0]).toMatchObject({ after: 1, afterNote: 2 });
  });
});
