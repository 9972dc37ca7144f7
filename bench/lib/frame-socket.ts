import WebSocket from 'ws';
import type { ServerFrame } from '../../protocol/index.ts';
import { withTimeout } from './pool.ts';

type Waiter = { match: (f: ServerFrame) => boolean; resolve: (f: ServerFrame) => void; reject: (e: Error) => void };

/**
 * A JSON-frame WebSocket client as the widget and console speak it, kept lean so one load generator
 * can hold thousands: one `onFrame` hook for hot paths, `waitFor` for setup steps.
 */
export class FrameSocket {
  readonly ws: WebSocket;
  onFrame: ((frame: ServerFrame) => void) | null = null;
  private waiters: Waiter[] = [];
  private backlog: ServerFrame[] = [];
  private closedError: Error | null = null;

  private constructor(ws: WebSocket) {
    this.ws = ws;
    ws.on('message', (data) => {
      const frame = JSON.parse(data.toString()) as ServerFrame;
      if (this.onFrame) this.onFrame(frame);
      const w = this.waiters.find((w) => w.match(frame));
      if (w) {
        this.waiters.splice(this.waiters.indexOf(w), 1);
        w.resolve(frame);
      } else if (!this.onFrame) {
        // A frame can arrive before its waiter is set up (e.g. `ready` right after the upgrade).
        this.backlog.push(frame);
        if (this.backlog.length > 50) this.backlog.shift();
      }
    });
    ws.on('close', (code, reason) => {
      this.closedError = new Error(`socket closed (${code} ${reason.toString()})`);
      for (const w of this.waiters.splice(0)) w.reject(this.closedError);
    });
    ws.on('error', () => {
      // 'close' follows and rejects the waiters
    });
  }

  /** Opens a socket; rejects with the HTTP status when the upgrade is refused. */
  static open(url: string, headers: Record<string, string>, localAddress?: string, timeoutMs = 20000): Promise<FrameSocket> {
    const ws = new WebSocket(url, { headers, localAddress, perMessageDeflate: false, handshakeTimeout: timeoutMs });
    return new Promise((resolve, reject) => {
      ws.once('open', () => resolve(new FrameSocket(ws)));
      ws.once('unexpected-response', (_req, res) => {
        reject(new Error(`upgrade refused: ${res.statusCode}`));
        ws.terminate();
      });
      ws.once('error', reject);
    });
  }

  send(frame: object): void {
    this.ws.send(JSON.stringify(frame));
  }

  waitFor<T extends ServerFrame['type']>(type: T, match: (f: Extract<ServerFrame, { type: T }>) => boolean = () => true, timeoutMs = 20000): Promise<Extract<ServerFrame, { type: T }>> {
    if (this.closedError) return Promise.reject(this.closedError);
    const matches = (f: ServerFrame) => f.type === 'error' || (f.type === type && match(f as Extract<ServerFrame, { type: T }>));
    const p = new Promise<ServerFrame>((resolve, reject) => {
      const early = this.backlog.findIndex(matches);
      if (early >= 0) resolve(this.backlog.splice(early, 1)[0]);
      else this.waiters.push({ match: matches, resolve, reject });
    }).then((f) => {
      if (f.type === 'error' && type !== 'error') throw new Error(`server error frame: ${f.code} ${f.message}`);
      return f as Extract<ServerFrame, { type: T }>;
    });
    return withTimeout(p, timeoutMs, `waiting for ${type}`);
  }

  /** Sends a frame with a `ref` and resolves with the `ack` that answers it. */
  request(frame: { ref: string; type: string } & Record<string, unknown>, timeoutMs?: number) {
    const ack = this.waitFor('ack', (f) => f.ref === frame.ref, timeoutMs);
    this.send(frame);
    return ack;
  }

  close(): void {
    this.ws.terminate();
  }
}

/** A widget-like socket: Origin of the site, `auth {token}` first, then `ready`. */
export async function openCustomerSocket(wsUrl: string, origin: string, token: string, localAddress?: string): Promise<FrameSocket> {
  const s = await FrameSocket.open(wsUrl, { origin }, localAddress);
  const ready = s.waitFor('ready');
  s.send({ type: 'auth', token });
  await ready;
  return s;
}

/** A console-like socket: authenticated by its session cookie at the upgrade, then `ready`. */
export async function openStaffSocket(wsUrl: string, origin: string, cookie: string, localAddress?: string): Promise<FrameSocket> {
  const s = await FrameSocket.open(wsUrl, { origin, cookie }, localAddress);
  try {
    await s.waitFor('ready');
  } catch (err) {
    s.close();
    throw err;
  }
  return s;
}
