import type { IncomingMessage } from 'node:http';
import type { TLSSocket } from 'node:tls';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import { LIMITS } from '../../protocol/index.ts';
import { isOwnOrigin, type SocketActor } from '../domain/index.ts';
import { logger } from '../log.ts';
import { SESSION_COOKIE } from '../services/auth.ts';
import type { Hub } from './hub.ts';

/**
 * Authenticates an upgrade before any socket exists (ws `noServer` mode): the Origin must be our own
 * (console, then the session cookie decides) or one a site allows (widget, which must then `auth`).
 * Caps on sockets per staff session and unauthenticated sockets per address are refused here, with 429.
 */
export function upgradeHandler(hub: Hub) {
  const wss = new WebSocketServer({ noServer: true, maxPayload: LIMITS.maxFrameBytes, perMessageDeflate: false });
  const { services } = hub;
  const trustProxy = services.config.trustProxy;

  const refuse = (socket: Duplex, status: number, text: string) => {
    socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  };

  const handler = async (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy());
    try {
      const url = new URL(req.url ?? '/', 'http://x');
      if (url.pathname !== '/ws') return refuse(socket, 404, 'Not Found');
      const origin = req.headers.origin;
      if (!origin) return refuse(socket, 403, 'Forbidden');
      const { scheme, address } = peer(req, trustProxy);
      const { publicUrl, consoleOrigins } = services.config;
      const own = isOwnOrigin(origin, { host: req.headers.host, scheme, publicUrl, extra: consoleOrigins });
      let staff: { actor: SocketActor; sessionId: string } | null = null;
      if (own) {
        const token = cookieValue(req.headers.cookie, SESSION_COOKIE);
        const session = token ? await services.auth.resolve(token) : null;
        if (session) staff = { actor: session.actor, sessionId: session.sessionId };
        else if (!(await services.sites.anyAllows(origin))) return refuse(socket, 401, 'Unauthorized');
      } else if (!(await services.sites.anyAllows(origin))) {
        return refuse(socket, 403, 'Forbidden');
      }
      if (!hub.admits(address, staff?.sessionId ?? null)) {
        services.metrics.limited.inc({ limit: 'sockets' });
        return refuse(socket, 429, 'Too Many Requests');
      }
      wss.handleUpgrade(req, socket, head, (ws) => hub.accept(ws, socket, origin, address, staff));
    } catch (err) {
      logger(services.config.logLevel).error({ err, origin: req.headers.origin }, 'upgrade failed');
      refuse(socket, 500, 'Internal Server Error');
    }
  };
  return { handler, close: () => wss.close() };
}

/** The scheme the upgrade came in on and the client's address (from X-Forwarded-* only behind a trusted proxy). */
function peer(req: IncomingMessage, trustProxy: boolean): { scheme: string; address: string } {
  const direct = { scheme: (req.socket as TLSSocket).encrypted ? 'https' : 'http', address: req.socket.remoteAddress ?? '' };
  if (!trustProxy) return direct;
  const proto = String(req.headers['x-forwarded-proto'] ?? '').split(',')[0]!.trim();
  const forwarded = String(req.headers['x-forwarded-for'] ?? '').split(',')[0]!.trim();
  return { scheme: proto || direct.scheme, address: forwarded || direct.address };
}

function cookieValue(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const i = part.indexOf('=');
    if (i <= 0 || part.slice(0, i).trim() !== name) continue;
    try {
      return decodeURIComponent(part.slice(i + 1).trim());
    } catch {
      return undefined;
    }
  }
  return undefined;
}
