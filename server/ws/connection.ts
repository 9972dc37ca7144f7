import type { Duplex } from 'node:stream';
import type { WebSocket } from 'ws';
import type { ServerFrame } from '../../protocol/index.ts';
import type { SocketActor } from '../domain/index.ts';
import type { TokenBucket } from './token-bucket.ts';
import { corkForTurn } from './cork.ts';

/** One numbered stream of a ticket as a socket follows it: the last seq it was sent; `dirty` when news came during a replay. */
export interface Stream {
  lastSent: number;
  replaying: boolean;
  dirty: boolean;
}

/** A socket's subscription to one ticket: its public messages and, for staff, its notes (numbered apart). */
export interface Subscription {
  public: Stream;
  notes: Stream | null;
}

/** Slow consumers past this many buffered bytes are cut off; they resume from their last seq. */
const MAX_BUFFERED = 4 * 1024 * 1024;

let opened = 0;

/** One WebSocket and who is behind it. Nothing is sent before `actor` is set. */
export class Connection {
  /** This socket's id on log lines (`connId`), unique within the process (lines carry the `pid`). */
  readonly id = (++opened).toString(36);
  readonly ws: WebSocket;
  readonly origin: string;
  /** The client's address (for the cap on unauthenticated sockets). */
  readonly address: string;
  actor: SocketActor | null = null;
  /** The staff session, or the visitor token's id: what a revocation names. */
  sessionId: string | null = null;
  tokenId: string | null = null;
  readonly rooms = new Map<string, Subscription>();
  alive = true;
  /** Fair use: this socket's message allowance (set once authenticated). */
  messageBucket: TokenBucket | null = null;
  private held: NodeJS.Timeout | null = null;
  /** The upgraded TCP socket under `ws`, corked while a burst of frames is written to it. */
  private readonly socket: Duplex;

  constructor(ws: WebSocket, socket: Duplex, origin: string, address: string) {
    this.ws = ws;
    this.socket = socket;
    this.origin = origin;
    this.address = address;
  }

  get open(): boolean {
    return this.ws.readyState === this.ws.OPEN;
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
    corkForTurn(this.socket);
    this.ws.send(text);
  }

  /**
   * Sends frames and resolves once the socket has handed them to the OS (or closed): a replay waits on
   * it between chunks, so a socket that stops reading holds one chunk, not the whole history.
   */
  sendChunk(texts: string[]): Promise<void> {
    if (!texts.length || !this.open) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        this.ws.off('close', done);
        resolve();
      };
      this.ws.once('close', done);
      for (let i = 0; i < texts.length - 1; i++) this.ws.send(texts[i]!);
      this.ws.send(texts[texts.length - 1]!, () => done());
    });
  }

  error(code: Extract<ServerFrame, { type: 'error' }>['code'], message: string, ref?: string, retryAfterMs?: number): void {
    this.send({ type: 'error', code, message, ...(ref === undefined ? {} : { ref }), ...(retryAfterMs === undefined ? {} : { retryAfterMs }) });
  }

  /**
   * Stops reading from the socket for a while (TCP pushes back on the sender): a flooding client then
   * costs the server one read per pause, however fast it writes. Frames already read are still handled.
   */
  holdOff(ms: number): void {
    if (this.held || !this.open) return;
    this.held = setTimeout(() => {
      this.held = null;
      if (this.open) this.ws.resume();
    }, ms).unref();
    this.ws.pause();
  }

  close(code: number, reason: string): void {
    this.ws.close(code, reason);
  }
}
