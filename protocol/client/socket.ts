import type { ClientFrame, ServerFrame, ServerFrameType } from '../frames.ts';
import type { SocketUser } from '../users.ts';
import { Push, resultOf } from './push.ts';
import { Timer, backoff } from './timer.ts';

/** `open` means authenticated (`ready` received); frames sent before that wait in a buffer. */
export type SocketState = 'connecting' | 'open' | 'closed';

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
  readonly url: string;
  private opts: SocketOptions;
  private ws: WebSocket | null = null;
  private listeners = new Map<string, Set<Listener>>();
  private stateListeners = new Set<(state: SocketState) => void>();
  private buffer: (ClientFrame | Push)[] = [];
  private pending = new Map<string, Push>();
  private refs = 0;
  private timer: Timer;
  private beat: ReturnType<typeof setInterval> | undefined;
  private awaitingPong = false;
  private stopped = false;
  private onOnline = () => {
    if (!this.ws && !this.stopped) {
      this.timer.reset();
      this.connect();
    }
  };

  constructor(url: string, opts: SocketOptions = {}) {
    this.url = url;
    this.opts = opts;
    this.timer = new Timer(() => this.connect(), opts.backoff ?? backoff);
    globalThis.addEventListener?.('online', this.onOnline);
  }

  /** Opens the connection (again); does nothing while one is open or after `close()`. */
  connect(): this {
    if (this.ws || this.stopped) return this;
    this.setState('connecting');
    const ws = (this.ws = new WebSocket(this.url));
    ws.onopen = async () => {
      if (!this.opts.auth) return;
      try {
        const token = await this.opts.auth();
        if (ws === this.ws) ws.send(JSON.stringify({ type: 'auth', token }));
      } catch {
        this.drop(ws);
      }
    };
    ws.onmessage = (e) => {
      let frame: ServerFrame;
      try {
        frame = JSON.parse(String(e.data));
      } catch {
        return;
      }
      if (ws === this.ws) this.receive(frame);
    };
    ws.onclose = () => this.drop(ws);
    return this;
  }

  /** Listens to one frame type; returns the unsubscribe. `ready` fires on every (re)connect. */
  on<T extends ServerFrameType>(type: T, handler: (frame: FrameOf<T>) => void): () => void {
    let set = this.listeners.get(type);
    if (!set) this.listeners.set(type, (set = new Set()));
    set.add(handler as Listener);
    return () => set.delete(handler as Listener);
  }

  /** Listens to state changes; returns the unsubscribe. */
  onState(listener: (state: SocketState) => void): () => void {
    this.stateListeners.add(listener);
    return () => this.stateListeners.delete(listener);
  }

  /** Sends a frame now, or when the connection is ready again. */
  send(frame: ClientFrame): void {
    if (this.state === 'open') this.write(frame);
    else this.buffer.push(frame);
  }

  /** Sends a frame that expects an `ack` or `error`; a `ref` is added. */
  push(frame: ClientFrame, timeoutMs = this.opts.timeoutMs ?? 10000): Push {
    const push = new Push({ ...frame, ref: String(++this.refs) }, timeoutMs);
    if (this.stopped) push.resolve({ status: 'timeout' });
    else if (this.state === 'open') this.transmit(push);
    else this.buffer.push(push);
    return push;
  }

  /** Stops for good: no reconnect; everything waiting settles as `timeout`. */
  close(): void {
    this.stopped = true;
    this.timer.reset();
    globalThis.removeEventListener?.('online', this.onOnline);
    if (this.ws) this.drop(this.ws);
    for (const item of this.buffer) if (item instanceof Push) item.resolve({ status: 'timeout' });
    this.buffer = [];
    this.setState('closed');
  }

  private receive(frame: ServerFrame): void {
    this.awaitingPong = false;
    const ref = 'ref' in frame ? frame.ref : undefined;
    const push = ref === undefined ? undefined : this.pending.get(ref);
    const result = push && resultOf(frame);
    if (push && result) {
      this.pending.delete(ref!);
      push.resolve(result);
      return;
    }
    if (frame.type === 'ready') {
      this.user = frame.user;
      this.timer.reset();
      this.setState('open');
      this.heartbeat();
      this.emit(frame);
      const buffered = this.buffer;
      this.buffer = [];
      for (const item of buffered) {
        if (item instanceof Push) {
          if (!item.done) this.transmit(item);
        } else this.write(item);
      }
      return;
    }
    this.emit(frame);
  }

  private emit(frame: ServerFrame): void {
    for (const listener of [...(this.listeners.get(frame.type) ?? [])]) listener(frame);
  }

  private transmit(push: Push): void {
    this.pending.set(push.frame.ref, push);
    this.write(push.frame);
    push.sent();
  }

  private write(frame: ClientFrame): void {
    this.ws?.send(JSON.stringify(frame));
  }

  private heartbeat(): void {
    clearInterval(this.beat);
    this.awaitingPong = false;
    this.beat = setInterval(() => {
      if (this.awaitingPong && this.ws) return this.drop(this.ws);
      this.awaitingPong = true;
      this.write({ type: 'ping' });
    }, this.opts.heartbeatMs ?? 25000);
  }

  /** Forgets a connection (closed, dead or replaced) and schedules the next one. */
  private drop(ws: WebSocket): void {
    if (ws !== this.ws) return;
    this.ws = null;
    ws.onopen = ws.onmessage = ws.onclose = null;
    if (ws.readyState < 2) ws.close();
    clearInterval(this.beat);
    // Answers to what went out on this connection can no longer arrive.
    for (const push of this.pending.values()) push.resolve({ status: 'timeout' });
    this.pending.clear();
    this.setState('closed');
    if (!this.stopped) this.timer.schedule();
  }

  private setState(state: SocketState): void {
    if (state === this.state) return;
    this.state = state;
    for (const listener of [...this.stateListeners]) listener(state);
  }
}
