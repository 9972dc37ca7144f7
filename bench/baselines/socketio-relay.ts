/**
 * The peer: the transport the seed used. A minimal Socket.IO relay with the same work as the bare ws
 * relay (rooms, a message object with a per-ticket seq, an acknowledgement), no persistence.
 * Run as a child process: `node bench/baselines/socketio-relay.ts` with PORT; GET /healthz answers 200.
 */
import { createServer } from 'node:http';
import { Server } from 'socket.io';
import { checkMessageBody } from '../../protocol/schemas/index.ts';
import { relayMessage } from './relay-message.ts';

const port = Number(process.env.PORT ?? 0);
const seqs = new Map<string, number>();

const http = createServer((req, res) => {
  // Socket.IO answers its own path; everything else is the readiness probe.
  if (req.url?.startsWith('/socket.io')) return;
  res.writeHead(req.url === '/healthz' ? 200 : 404).end();
});
const io = new Server(http, { serveClient: false, transports: ['websocket'], perMessageDeflate: false });

type Ack = (reply: object) => void;

io.on('connection', (socket) => {
  socket.on('auth', (_token: string, ack: Ack) => ack({ ok: true }));
  socket.on('join', (ticketId: string, ack: Ack) => {
    void socket.join(ticketId);
    ack({ replayed: 0 });
  });
  socket.on('message', (frame: { ticketId: string; clientId: string; body: string }, ack: Ack) => {
    const body = checkMessageBody(frame?.body);
    if (!body.ok) return ack({ error: body.code });
    const message = relayMessage(seqs, frame.ticketId, frame.clientId, body.value);
    socket.to(frame.ticketId).emit('message', message);
    ack({ message });
  });
});

http.listen(port, '127.0.0.1', () => console.log(`socket.io relay on ${port}`));
process.on('SIGTERM', () => process.exit(0));
