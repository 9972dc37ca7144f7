import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import { LIMITS } from '../../protocol/index.ts';
import { SESSION_COOKIE } from '../http/auth.ts';
import { ownOrigins } from '../http/origin.ts';
import type { Hub } from './hub.ts';

/**
 * Authenticates an upgrade before any socket exists (ws `noServer` mode): the Origin must be our own
 * (console, then the session cookie decides) or one a site allows (widget, which must then `auth`).
 */
export function upgradeHandler(hub: Hub) {
  const wss = new WebSocketServer({ noServer: true, maxPayload: LIMITS.maxFrameBytes, perMessageDeflate: false });
  const { services } = hub;

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
      const own = ownOrigins(req.headers.host, services.config.publicUrl, services.config.consoleOrigins).includes(origin);
      let staff: { actor: import('../domain/index.ts').SocketActor; sessionId: string } | null = null;
      if (own) {
        const token = cookieValue(req.headers.cookie, SESSION_COOKIE);
        const session = token ? await services.auth.resolve(token) : null;
        if (session) staff = { actor: session.actor, sessionId: session.sessionId };
        else if (!(await services.sites.anyAllows(origin))) return refuse(socket, 401, 'Unauthorized');
      } else if (!(await services.sites.anyAllows(origin))) {
        return refuse(socket, 403, 'Forbidden');
      }
      wss.handleUpgrade(req, socket, head, (ws) => hub.accept(ws, origin, staff));
    } catch (err) {
      console.error('upgrade failed', err);
      refuse(socket, 500, 'Internal Server Error');
    }
  };
  return { handler, close: () => wss.close() };
}

function cookieValue(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const i = part.indexOf('=');
    if (i > 0 && part.slice(0, i).trim() === name) return decodeURIComponent(part.slice(i + 1).trim());
  }
  return undefined;
}
