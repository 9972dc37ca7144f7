import { afterEach, describe, expect, it } from 'vitest';
import { CLOSE_RESTARTING } from '../close-codes.ts';
import { RealtimeSocket, type SocketState } from './socket.ts';
import { startPeer, until, type Peer } from './test-peer.ts';

let peer: Peer;
let socket: RealtimeSocket | undefined;
afterEach(async () => {
  socket?.close();
  await peer?.close();
});

const fast = { backoff: () => 20 };

describe('RealtimeSocket', () => {
  it('sends auth first and holds other frames until ready', async () => {
    peer = await startPeer();
    socket = new RealtimeSocket(peer.url, { ...fast, auth: () => Promise.resolve('tok') });
    const states: SocketState[] = [];
    socket.onState((s) => states.push(s));
    socket.send({ type: 'typing', ticketId: 't1' });
    socket.connect();
    await until(() => socket!.state === 'open');
    await until(() => peer.frames[0]!.length === 2);
    expect(peer.frames[0]!.map((f) => f.type)).toEqual(['auth', 'typing']);
    expect(socket.user).toMatchObject({ kind: 'customer', id: 'c1' });
    expect(states).toEqual(['connecting', 'open']);
  });

  it('stays unauthenticated, surfaces the error and retries when the token is refused', async () => {
    peer = await startPeer('right');
    let tokens = 0;
    socket = new RealtimeSocket(peer.url, { ...fast, auth: () => (++tokens < 3 ? 'wrong' : 'right') });
    const errors: string[] = [];
    socket.on('error', (f) => {
      errors.push(f.code);
      peer.dropAll(); // the real server closes after a refused auth
    });
    socket.connect();
    await until(() => socket!.state === 'open');
    expect(errors).toEqual(['unauthorized', 'unauthorized']);
    expect(tokens).toBe(3);
  });

  it('reconnects after the connection drops and fires ready again', async () => {
    peer = await startPeer();
    socket = new RealtimeSocket(peer.url, { ...fast, auth: () => 'tok' });
    let readies = 0;
    socket.on('ready', () => readies++);
    socket.connect();
    await until(() => readies === 1);
    peer.dropAll();
    await until(() => socket!.state === 'closed');
    await until(() => readies === 2);
    expect(peer.frames.length).toBe(2);
  });

  it('reconnects at once, without backoff, when the server closes with 1012 (restarting)', async () => {
    peer = await startPeer();
    socket = new RealtimeSocket(peer.url, { backoff: () => 60_000, auth: () => 'tok' });
    let readies = 0;
    socket.on('ready', () => readies++);
    socket.connect();
    await until(() => readies === 1);
    for (const ws of peer.sockets) ws.close(CLOSE_RESTARTING, 'restarting');
    await until(() => readies === 2);
    // Any other close waits for the backoff (a minute here).
    for (const ws of peer.sockets) ws.close(1001, 'going away');
    await until(() => socket!.state === 'closed');
    await new Promise((r) => setTimeout(r, 300));
    expect(readies).toBe(2);
    expect(socket.state).toBe('closed');
  });

  it('backs off when 1012 comes before the session was ready', async () => {
    peer = await startPeer('right');
    let tries = 0;
    socket = new RealtimeSocket(peer.url, { backoff: () => 60_000, auth: () => (tries++, 'wrong') });
    socket.on('error', () => {
      for (const ws of peer.sockets) ws.close(CLOSE_RESTARTING, 'restarting');
    });
    socket.connect();
    await until(() => tries === 1 && socket!.state === 'closed');
    await new Promise((r) => setTimeout(r, 300));
    expect(tries).toBe(1);
  });

  it('unsubscribes a listener', async () => {
    peer = await startPeer();
    socket = new RealtimeSocket(peer.url, { ...fast, auth: () => 'tok' });
    let seen = 0;
    const off = socket.on('presence', () => seen++);
    socket.connect();
    await until(() => socket!.state === 'open');
    peer.send({ type: 'presence', online: [] });
    await until(() => seen === 1);
    off();
    peer.send({ type: 'presence', online: [] });
    peer.send({ type: 'pong' });
    await new Promise((r) => setTimeout(r, 50));
    expect(seen).toBe(1);
  });

  it('closes a connection whose pings go unanswered, then reconnects', async () => {
    peer = await startPeer();
    socket = new RealtimeSocket(peer.url, { ...fast, auth: () => 'tok', heartbeatMs: 40 });
    socket.connect();
    await until(() => socket!.state === 'open');
    await until(() => peer.frames[0]!.filter((f) => f.type === 'ping').length >= 2); // answered pings keep it alive
    expect(peer.frames.length).toBe(1);
    peer.pong = false;
    await until(() => peer.frames.length === 2);
    peer.pong = true;
    await until(() => socket!.state === 'open');
  });

  it('settles pushes as ack, error or timeout, exactly once', async () => {
    peer = await startPeer();
    socket = new RealtimeSocket(peer.url, { ...fast, auth: () => 'tok' });
    socket.connect();
    const ok = socket.push({ type: 'message', ticketId: 't1', clientId: 'a', body: 'hi' }); // buffered: sent at ready
    const refused = socket.push({ type: 'message', ticketId: 't1', clientId: 'b', body: 'refuse' });
    expect((await ok.result).status).toBe('ack');
    expect(await refused.result).toMatchObject({ status: 'error', code: 'invalid_state' });
    peer.answer = false;
    const slow = socket.push({ type: 'join', ticketId: 't1' }, 30);
    expect((await slow.result).status).toBe('timeout');
    slow.resolve({ status: 'error', code: 'internal', message: 'late' });
    expect((await slow.result).status).toBe('timeout');
  });

  it('settles pushes in flight as timeout when the connection drops', async () => {
    peer = await startPeer();
    socket = new RealtimeSocket(peer.url, { ...fast, auth: () => 'tok' });
    socket.connect();
    await until(() => socket!.state === 'open');
    peer.answer = false;
    const push = socket.push({ type: 'join', ticketId: 't1' }, 60000);
    await until(() => peer.frames[0]!.some((f) => f.type === 'join'));
    peer.dropAll();
    expect((await push.result).status).toBe('timeout');
  });

  it('stops for good on close()', async () => {
    peer = await startPeer();
    socket = new RealtimeSocket(peer.url, { ...fast, auth: () => 'tok' });
    socket.connect();
    await until(() => socket!.state === 'open');
    socket.close();
    const late = socket.push({ type: 'ping' });
    expect((await late.result).status).toBe('timeout');
    await new Promise((r) => setTimeout(r, 100));
    expect(peer.frames.length).toBe(1);
    expect(socket.state).toBe('closed');
  });
});
