import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';

/** Where the instance is in its life: only `ready` serves the app. */
export type Phase = 'starting' | 'ready' | 'stopping';

/**
 * The front door of the HTTP server, open before the database is: `/readyz` says whether to send
 * traffic here (200 only when ready), `/healthz` stays liveness (the process answers), and while
 * starting or stopping every other request and upgrade gets 503 with `Retry-After`, so a load
 * balancer sends it elsewhere and a client retries.
 */
export class Readiness {
  phase: Phase = 'starting';
  private app: RequestListener | null = null;
  private upgradeHandler: ((req: IncomingMessage, socket: Duplex, head: Buffer) => void) | null = null;
  /** Requests the app is still answering. */
  private active = 0;
  private idleWaiters: (() => void)[] = [];

  /** Serves the app from now on. */
  open(app: RequestListener, upgrade: (req: IncomingMessage, socket: Duplex, head: Buffer) => void): void {
    this.app = app;
    this.upgradeHandler = upgrade;
    this.phase = 'ready';
  }

  readonly request = (req: IncomingMessage, res: ServerResponse): void => {
    const path = (req.url ?? '/').split('?', 1)[0];
    if (path === '/readyz') {
      return json(res, this.phase === 'ready' ? 200 : 503, { status: this.phase });
    }
    if (this.phase === 'ready' && this.app) {
      this.active++;
      res.once('close', () => {
        if (--this.active === 0) for (const wake of this.idleWaiters.splice(0)) wake();
      });
      return void this.app(req, res);
    }
    if (path === '/healthz') return json(res, 200, { status: this.phase });
    res.setHeader('Retry-After', '1');
    // A kept-alive connection asking again should come back through the load balancer.
    res.setHeader('Connection', 'close');
    json(res, 503, { error: { code: 'internal', message: this.phase === 'starting' ? 'the server is starting; try again' : 'the server is restarting; try again' } });
  };

  /** Resolves once no request the app took is still being answered (none are taken after `ready`). */
  idle(): Promise<void> {
    return this.active === 0 ? Promise.resolve() : new Promise((wake) => this.idleWaiters.push(wake));
  }

  readonly upgrade = (req: IncomingMessage, socket: Duplex, head: Buffer): void => {
    if (this.phase === 'ready' && this.upgradeHandler) return this.upgradeHandler(req, socket, head);
    socket.on('error', () => socket.destroy());
    socket.end('HTTP/1.1 503 Service Unavailable\r\nRetry-After: 1\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
  };
}

function json(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text), 'cache-control': 'no-store' });
  res.end(text);
}
