import { afterEach, describe, expect, it } from 'vitest';
import type { SendFrame } from '../frames.ts';
import type { Message } from '../messages.ts';
import { Outbox, newClientId } from './outbox.ts';
import { RealtimeSocket } from './socket.ts';
import { startPeer, until, type Peer } from './test-peer.ts';

let peer: Peer;
let socket: RealtimeSocket;
afterEach(async () => {
  socket?.close();
  await peer?.close();
});

const sends = () => peer.frames.flat().filter((f): f is SendFrame => f.type === 'message');

describe('Outbox', () => {
  it('keeps messages written while offline and sends each once, in order, when back', async () => {
    peer = await startPeer();
    socket = new RealtimeSocket(peer.url, { auth: () => 'tok', backoff: () => 20 });
    const outbox = new Outbox(socket);
    const sent: Message[] = [];
    outbox.onSent((m) => sent.push(m));
    outbox.send('t1', 'first');
    outbox.send('t1', 'second');
    outbox.send('t1', 'third');
    expect(outbox.items.map((i) => i.state)).toEqual(['sending', 'sending', 'sending']);
    socket.connect();
    await until(() => sent.length === 3);
    expect(sent.map((m) => [m.seq, m.body])).toEqual([[1, 'first'], [2, 'second'], [3, 'third']]);
    expect(sends().length).toBe(3);
    expect(outbox.items).toEqual([]);
  });

  it('resends after a timeout with the same clientId, and the server stores it once', async () => {
    peer = await startPeer();
    socket = new RealtimeSocket(peer.url, { auth: () => 'tok', backoff: () => 20 }).connect();
    await until(() => socket.state === 'open');
    const outbox = new Outbox(socket, { timeoutMs: 50 });
    peer.answer = false;
    const item = outbox.send('t1', 'hello');
    await until(() => sends().length === 2);
    peer.answer = true;
    const sent: Message[] = [];
    outbox.onSent((m) => sent.push(m));
    await until(() => sent.length === 1);
    expect(new Set(sends().map((f) => f.clientId))).toEqual(new Set([item.clientId]));
    expect(peer.messages.filter((m) => m.body === 'hello').length).toBe(1);
  });

  it('resends what was in flight when the connection dropped', async () => {
    peer = await startPeer();
    socket = new RealtimeSocket(peer.url, { auth: () => 'tok', backoff: () => 20 }).connect();
    await until(() => socket.state === 'open');
    const outbox = new Outbox(socket, { timeoutMs: 60000 });
    peer.answer = false;
    const item = outbox.send('t1', 'across a reconnect');
    await until(() => sends().length === 1);
    peer.answer = true;
    peer.dropAll();
    await until(() => outbox.items.length === 0);
    expect(sends().map((f) => f.clientId)).toEqual([item.clientId, item.clientId]);
    expect(peer.messages.length).toBe(1);
  });

  it('marks a refused message failed with the reason, and retry keeps its clientId', async () => {
    peer = await startPeer();
    socket = new RealtimeSocket(peer.url, { auth: () => 'tok' }).connect();
    const outbox = new Outbox(socket);
    const bad = outbox.send('t1', 'refuse');
    outbox.send('t1', 'fine');
    await until(() => outbox.items.length === 1 && outbox.items[0]!.state === 'failed');
    expect(outbox.items[0]).toMatchObject({ clientId: bad.clientId, state: 'failed', error: 'ticket is closed' });
    outbox.retry(bad.clientId);
    expect(outbox.items[0]!.state).toBe('sending');
    await until(() => outbox.items[0]!.state === 'failed');
    expect(sends().map((f) => f.clientId)).toEqual([bad.clientId, sends()[1]!.clientId, bad.clientId]);
  });

  it('waits as long as a rate_limited refusal says and sends again, in order, without failing', async () => {
    peer = await startPeer();
    socket = new RealtimeSocket(peer.url, { auth: () => 'tok' }).connect();
    const outbox = new Outbox(socket);
    const states: string[] = [];
    outbox.onChange((items) => states.push(...items.map((i) => i.state)));
    const sent: Message[] = [];
    outbox.onSent((m) => sent.push(m));
    const limited = outbox.send('t1', 'limited');
    outbox.send('t1', 'after it');
    await until(() => sent.length === 2);
    expect(sent.map((m) => m.body)).toEqual(['limited', 'after it']);
    expect(sends().map((f) => f.body)).toEqual(['limited', 'limited', 'limited', 'after it']);
    expect(new Set(sends().slice(0, 3).map((f) => f.clientId))).toEqual(new Set([limited.clientId]));
    expect(states).not.toContain('failed');
  });

  it('gives up after maxTries timeouts on a live connection', async () => {
    peer = await startPeer();
    socket = new RealtimeSocket(peer.url, { auth: () => 'tok' }).connect();
    await until(() => socket.state === 'open');
    peer.answer = false;
    const outbox = new Outbox(socket, { timeoutMs: 20, maxTries: 2 });
    outbox.send('t1', 'into the void');
    await until(() => outbox.items[0]!.state === 'failed');
    expect(sends().length).toBe(2);
  });

  it('sends the ids of a message\'s files on the frame and keeps the files on the pending item', async () => {
    peer = await startPeer();
    socket = new RealtimeSocket(peer.url, { auth: () => 'tok' });
    const outbox = new Outbox(socket);
    const file = { id: 'a1', ticketId: 't1', name: 'shot.png', type: 'image/png', size: 10, width: 4, height: 3, url: '/api/attachments/a1?exp=1&sig=x' };
    const item = outbox.send('t1', '', false, [file]);
    const plain = outbox.send('t1', 'no files');
    expect(outbox.items[0]!.attachments).toEqual([file]);
    socket.connect();
    await until(() => outbox.items.length === 0);
    expect(sends().map((f) => [f.clientId, f.attachments])).toEqual([[item.clientId, ['a1']], [plain.clientId, undefined]]);
  });

  it('makes distinct hex client ids', () => {
    const ids = new Set(Array.from({ length: 100 }, newClientId));
    expect(ids.size).toBe(100);
    expect([...ids].every((id) => /^[0-9a-f]{32}$/.test(id))).toBe(true);
  });

  it('drops an item as soon as its stored message is seen, even before the ack', () => {
    socket = new RealtimeSocket('ws://127.0.0.1:9/ws'); // never connected: the ack cannot come
    const outbox = new Outbox(socket);
    const item = outbox.send('t1', 'hello');
    const other = outbox.send('t1', 'second');
    const stored = { id: 'm1', ticketId: 't1', seq: 7, clientId: item.clientId, author: { kind: 'customer', id: 'c1' }, body: 'hello', createdAt: '' } as Message;
    outbox.delivered({ ...stored, ticketId: 't2' }); // another ticket's message with the same id changes nothing
    expect(outbox.items).toHaveLength(2);
    outbox.delivered(stored);
    expect(outbox.items.map((i) => i.clientId)).toEqual([other.clientId]);
  });
});
