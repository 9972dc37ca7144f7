import type { WebSocket } from 'ws';
import type { Message, ServerFrame } from '../../protocol/index.ts';
import type { SocketActor } from '../domain/index.ts';

/** A socket's subscription to one ticket: the last seq it was sent, and events held while it replays. */
export interface Subscription {
  lastSent: number;
  pending: Message[] | null;
}

/** Slow consumers past this many buffered bytes are cut off; they resume from their last seq. */
const MAX_BUFFERED = 4 * 1024 * 1024;

/** One WebSocket and who is behind it. Nothing is sent before `actor` is set. */
export class Connection {
  readonly ws: WebSocket;
  readonly origin: string;
  actor: SocketActor | null = null;
  sessionId: string | null = null;
  readonly rooms = new Map<string, Subscription>();
  alive = true;

  constructor(ws: WebSocket, origin: string) {
    this.ws = ws;
    this.origin = origin;
  }

  send(frame: ServerFrame): void {
    this.sendText(JSON.stringify(frame));
  }

  /** Sends an already serialised frame: a fan-out serialises once for all its sockets. */
  sendText(text: string): void {
    if (this.ws.readyState !== this.ws.OPEN) return;
    if (this.ws.bufferedAmount > MAX_BUFFERED) {
      this.ws.terminate();
      return;
    }
    this.ws.send(text);
  }

  error(code: Extract<ServerFrame, { type: 'error' }>['code'], message: string, ref?: string): void {
    this.send({ type: 'error', code, message, ...(ref === undefined ? {} : { ref }) });
  }

  close(code: number, reason: string): void {
    this.ws.close(code, reason);
  }
}
