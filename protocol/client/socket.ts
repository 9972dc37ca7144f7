import { CLOSE_RESTARTING, CLOSE_REVOKED } from '../close-codes.ts';
import type { ClientFrame, ServerFrame, ServerFrameType } from '../frames.ts';
import type { SocketUser } from '../users.ts';
import { Push } from './push.ts';
import { Timer, backoff } from './timer.ts';

/**
 * `open` means authenticated (`ready` received); frames sent before that wait in a buffer. `revoked`:
 * the server ended the credentials (close code 4001); nothing reconnects until the owner, with new
 * credentials, calls `connect()` again.
 */
export type SocketState = 'connecting' | 'open' | 'closed' | 'revoked';

export interface SocketOptions {
  /** Returns the token sent as the first frame (`auth {token}`); omit it for cookie-authenticated sockets. Called again on every reconnect. */
  auth?: () => string | Promise<string>;
  /** Interval between pings; a ping left unanswered by the next one closes the connection. */
  heartbeatMs?: number;
  /** Default time a push waits for its answer once sent. */
  timeoutMs?: number;
  /** Tries → delay before reconnecting. */
  backoff?: (tries: number) => number;
}

type FrameOf<T extends ServerFrameType> = Extract<ServerFrame, { type: T }>;
type Listener = (frame: ServerFrame) => void;

/**
 * The transport: connects to `/ws`, authenticates, keeps the line alive with `ping`/`pong`,
 * reconnects with backoff and buffers what is sent while it is down (Phoenix's Socket).
 */
export class RealtimeSocket {
  state: SocketState = 'closed';
  user: SocketUser | null = null;
  /**
   * Called when the server revokes the credentials (close code 4001: signed out, deactivated, token
   * replaced). The socket does not reconnect by itself then: sign in again (or get a new visitor
   * token) and call `connect()`. (A plain property, like `WebSocket.onclose`: the widget counts bytes.)
   */
  onRevoked: (() => void) | null = null;
  readonly url: string;
  private _opts: SocketOptions;
  private _ws: WebSocket | null = null;
  private _listeners = new Map<string, Set<Listener>>();
  private _stateListeners = new Set<(state: SocketState) => void>();
  private _buffer: (ClientFrame | Push)[] = [];
  private _pending = new Map<string, Push>();
  private _refs = 0;
  private _timer: Timer;
  private _beat: ReturnType<typeof setInterval> | undefined;
  private _awaitingPong = false;
  private _stopped = false;

  constructor(url: string, opts: SocketOptions = {}) {
    this.url = url;
    this._opts = opts;
    this._timer = new Timer(() => this.connect(), opts.backoff ?? backoff);
  }

  /** Opens the connection (again); does nothing while one is open or after `close()`. */
  connect(): this {
    if (this._ws || this._stopped) return this;
    this._setState('connecting');
    const ws = (this._ws = new WebSocket(this.url));
    ws.onopen = async () => {
      if (!this._opts.auth) return;
      try {
        const token = await this._opts.auth();
        if (ws === this._ws) ws.send(JSON.stringify({ type: 'auth', token }));
      } catch {
        this._drop(ws);
      }
    };
    ws.onmessage = (e) => {
      let frame: ServerFrame;
      try {
        frame = JSON.parse(String(e.data));
      } catch {
        return;
      }
      if (ws === this._ws) this._receive(frame);
    };
    ws.onclose = (e) => this._drop(ws, e.code);
    return this;
  }

  /** Listens to one frame type; returns the unsubscribe. `ready` fires on every (re)connect. */
  on<T extends ServerFrameType>(type: T, handler: (frame: FrameOf<T>) => void): () => void {
    let set = this._listeners.get(type);
    if (!set) this._listeners.set(type, (set = new Set()));
    set.add(handler as Listener);
    return () => set.delete(handler as Listener);
  }

  /** Listens to state changes; returns the unsubscribe. */
  onState(listener: (state: SocketState) => void): () => void {
    this._stateListeners.add(listener);
    return () => this._stateListeners.delete(listener);
  }

  /** Sends a frame now, or when the connection is ready again. */
  send(frame: ClientFrame): void {
    if (this.state === 'open') this._write(frame);
    else this._buffer.push(frame);
  }

  /** Sends a frame that expects an `ack` or `error`; a `ref` is added. */
  push(frame: ClientFrame, timeoutMs = this._opts.timeoutMs ?? 10000): Push {
    const push = new Push({ ...frame, ref: String(++this._refs) }, timeoutMs);
    if (this._stopped) push.resolve({ status: 'timeout' });
    else if (this.state === 'open') this._transmit(push);
    else this._buffer.push(push);
    return push;
  }

  /** Stops for good: no reconnect; everything waiting settles as `timeout`. */
  close(): void {
    this._stopped = true;
    this._timer.reset();
    if (this._ws) this._drop(this._ws);
    for (const item of this._buffer) if (item instanceof Push) item.resolve({ status: 'timeout' });
    this._buffer = [];
    this._setState('closed');
  }

  private _receive(frame: ServerFrame): void {
    this._awaitingPong = false;
    const ref = 'ref' in frame ? frame.ref : undefined;
    const push = ref === undefined ? undefined : this._pending.get(ref);
    if (push && (frame.type === 'ack' || frame.type === 'error')) {
      this._pending.delete(ref!);
      push.resolve(frame.type === 'ack' ? { status: 'ack', reply: frame } : { status: 'error', code: frame.code, message: frame.message, retryAfterMs: frame.retryAfterMs });
      return;
    }
    if (frame.type === 'ready') {
      this.user = frame.user;
      this._timer.reset();
      this._setState('open');
      this._heartbeat();
      this._emit(frame);
      const buffered = this._buffer;
      this._buffer = [];
      for (const item of buffered) {
        if (item instanceof Push) {
          if (!item.done) this._transmit(item);
        } else this._write(item);
      }
      return;
    }
    this._emit(frame);
  }

  private _emit(frame: ServerFrame): void {
    for (const listener of [...(this._listeners.get(frame.type) ?? [])]) listener(frame);
  }

  private _transmit(push: Push): void {
    this._pending.set(push.frame.ref, push);
    this._write(push.frame);
    push.sent();
  }

  private _write(frame: ClientFrame): void {
    this._ws?.send(JSON.stringify(frame));
  }

  private _heartbeat(): void {
    clearInterval(this._beat);
    this._awaitingPong = false;
    this._beat = setInterval(() => {
      if (this._awaitingPong && this._ws) return this._drop(this._ws);
      this._awaitingPong = true;
      this._write({ type: 'ping' });
    }, this._opts.heartbeatMs ?? 25000);
  }

  /** Forgets a connection (closed, dead or replaced) and schedules the next one, unless the credentials were revoked. */
  private _drop(ws: WebSocket, code = 0): void {
    if (ws !== this._ws) return;
    this._ws = null;
    ws.onopen = ws.onmessage = ws.onclose = null;
    if (ws.readyState < 2) ws.close();
    clearInterval(this._beat);
    // Answers to what went out on this connection can no longer arrive.
    for (const push of this._pending.values()) push.resolve({ status: 'timeout' });
    this._pending.clear();
    if (code === CLOSE_REVOKED && !this._stopped) {
      this._timer.reset();
      this._setState('revoked');
      this.onRevoked?.();
      return;
    }
    const wasOpen = this.state === 'open';
    this._setState('closed');
    if (this._stopped) return;
    // A server restarting on purpose answered everything first and another instance can take over: no
    // backoff. Only after a working session, so a server that keeps refusing this way still gets backoff.
    if (code === CLOSE_RESTARTING && wasOpen) {
      this._timer.reset();
      this.connect();
    } else this._timer.schedule();
  }

  private _setState(state: SocketState): void {
    if (state === this.state) return;
    this.state = state;
    for (const listener of [...this._stateListeners]) listener(state);
  }
}
