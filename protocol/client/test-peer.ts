// A scripted WebSocket peer for the client's unit tests: a real `ws` server that speaks just enough
// of the contract (auth → ready, ping → pong, join replay, message ack with clientId dedupe).
import { WebSocketServer, type WebSocket } from 'ws';
import type { ClientFrame, ServerFrame } from '../frames.ts';
import type { Message } from '../messages.ts';

export interface Peer {
  url: string;
  /** Every frame received, per connection, in order. */
  frames: ClientFrame[][];
  messages: Message[];
  sockets: Set<WebSocket>;
  /** When false, frames are recorded but not answered (a dead or slow server). */
  answer: boolean;
  /** When false, pings get no pong. */
  pong: boolean;
  send(frame: ServerFrame): void;
  /** Stores a message as if another participant wrote it, broadcasting it. */
  store(ticketId: string, body: string, clientId?: string): Message;
  dropAll(): void;
  close(): Promise<void>;
}

export async function startPeer(token = 'tok'): Promise<Peer> {
  const wss = new WebSocketServer({ port: 0, host: '127.0.0.1' });
  await new Promise((resolve) => wss.once('listening', resolve));
  const { port } = wss.address() as { port: number };
  const sockets = new Set<WebSocket>();
  const peer: Peer = {
    url: `ws://127.0.0.1:${port}/ws`,
    frames: [],
    messages: [],
    sockets,
    answer: true,
    pong: true,
    send: (frame) => sockets.forEach((ws) => ws.send(JSON.stringify(frame))),
    store(ticketId, body, clientId = `c${peer.messages.length + 1}`) {
      const existing = peer.messages.find((m) => m.clientId === clientId);
      if (existing) return existing;
      const message: Message = {
        id: `m${peer.messages.length + 1}`,
        ticketId,
        seq: peer.messages.filter((m) => m.ticketId === ticketId).length + 1,
        clientId,
        author: { kind: 'member', id: 'u1', name: 'Ann' },
        body,
        createdAt: new Date().toISOString(),
      };
      peer.messages.push(message);
      return message;
    },
    dropAll: () => sockets.forEach((ws) => ws.terminate()),
    close: () => {
      peer.dropAll();
      return new Promise((resolve) => wss.close(() => resolve()));
    },
  };
  wss.on('connection', (ws) => {
    sockets.add(ws);
    ws.on('close', () => sockets.delete(ws));
    const log: ClientFrame[] = [];
    peer.frames.push(log);
    const reply = (frame: ServerFrame) => ws.send(JSON.stringify(frame));
    ws.on('message', (data) => {
      const frame = JSON.parse(String(data)) as ClientFrame;
      log.push(frame);
      if (!peer.answer) return;
      if (frame.type === 'auth') {
        if (frame.token === token) reply({ type: 'ready', user: { kind: 'customer', id: 'c1', name: null, siteId: 's1' } });
        else reply({ type: 'error', code: 'unauthorized', message: 'bad token' });
      } else if (frame.type === 'ping') {
        if (peer.pong) reply({ type: 'pong' });
      } else if (frame.type === 'join') {
        for (const message of peer.messages) if (message.ticketId === frame.ticketId && message.seq > (frame.after ?? 0)) reply({ type: 'message', message });
        reply({ type: 'ack', ref: frame.ref, replayed: 0 });
      } else if (frame.type === 'message') {
        if (frame.body === 'refuse') return reply({ type: 'error', ref: frame.ref, code: 'invalid_state', message: 'ticket is closed' });
        // The first two tries of 'limited' are over the fair-use limit (as a flooding client would be).
        if (frame.body === 'limited' && log.filter((f) => f.type === 'message' && f.body === 'limited').length <= 2) {
          return reply({ type: 'error', ref: frame.ref, code: 'rate_limited', message: 'too many messages', retryAfterMs: 40 });
        }
        const message = peer.store(frame.ticketId, frame.body, frame.clientId);
        reply({ type: 'ack', ref: frame.ref, message });
      }
    });
  });
  return peer;
}

/** Resolves when `check` returns true, polling; fails after `ms`. */
export async function until(check: () => boolean, ms = 5000): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > ms) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
