/**
 * Baseline: a bare `ws` relay of Parley's own frames, with no authentication check, no database and
 * no permission checks. It parses frames with the same protocol validator and relays `message` to the
 * ticket's room with an `ack`, so the gap to the real server is what persistence and checks cost.
 * Run as a child process: `node bench/baselines/ws-relay.ts` with PORT; GET /healthz answers 200.
 */
import { createServer } from 'node:http';
import { WebSocketServer, type WebSocket } from 'ws';
import { LIMITS, type ServerFrame } from '../../protocol/index.ts';
import { parseClientFrame } from '../../protocol/schemas/index.ts';
import { relayMessage } from './relay-message.ts';

const port = Number(process.env.PORT ?? 0);
const rooms = new Map<string, Set<WebSocket>>();
const seqs = new Map<string, number>();
const authed = new Set<WebSocket>();

const send = (ws: WebSocket, frame: ServerFrame | object) => ws.send(JSON.stringify(frame));

const http = createServer((req, res) => {
  res.writeHead(req.url === '/healthz' ? 200 : 404).end();
});
const wss = new WebSocketServer({ server: http, path: '/ws', maxPayload: LIMITS.maxFrameBytes });

wss.on('connection', (ws) => {
  const joined = new Set<string>();
  ws.on('message', (data) => {
    const text = data.toString();
    // Bench-only frame for the fan-out baseline: relay the payload to every other authenticated socket.
    if (text.startsWith('{"type":"broadcast"')) {
      const payload = JSON.stringify((JSON.parse(text) as { frame: object }).frame);
      for (const other of authed) if (other !== ws) other.send(payload);
      return;
    }
    const parsed = parseClientFrame(text);
    if (!parsed.ok) return send(ws, { type: 'error', ref: parsed.ref, code: parsed.code, message: parsed.message });
    const frame = parsed.value;
    switch (frame.type) {
      case 'auth':
        authed.add(ws);
        return send(ws, { type: 'ready', user: { kind: 'customer', id: frame.token.slice(0, 36), name: null, siteId: 'relay' } });
      case 'join': {
        let room = rooms.get(frame.ticketId);
        if (!room) rooms.set(frame.ticketId, (room = new Set()));
        room.add(ws);
        joined.add(frame.ticketId);
        return send(ws, { type: 'ack', ref: frame.ref, replayed: 0 });
      }
      case 'message': {
        const message = relayMessage(seqs, frame.ticketId, frame.clientId, frame.body);
        const out = JSON.stringify({ type: 'message', message });
        for (const peer of rooms.get(frame.ticketId) ?? []) if (peer !== ws) peer.send(out);
        return send(ws, { type: 'ack', ref: frame.ref, message });
      }
      case 'ping':
        return send(ws, { type: 'pong', ref: frame.ref });
      default:
        return send(ws, { type: 'ack', ref: frame.ref });
    }
  });
  ws.on('close', () => {
    authed.delete(ws);
    for (const id of joined) rooms.get(id)?.delete(ws);
  });
});

http.listen(port, '127.0.0.1', () => console.log(`ws relay on ${port}`));
process.on('SIGTERM', () => process.exit(0));
