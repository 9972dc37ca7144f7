import { io } from 'socket.io-client';
import type { ServerFrame } from '../../protocol/index.ts';
import { FrameSocket, openCustomerSocket, openStaffSocket } from '../lib/frame-socket.ts';
import { CUSTOMER_ORIGIN, type ParleyApi, type CustomerSession, type StaffSession } from '../lib/parley-api.ts';
import { loopbackSource, mapPool, step, withTimeout } from '../lib/pool.ts';
import { cpuMsOf } from '../lib/proc.ts';
import type { ChatSide, ChatTransport, SideHooks } from './chat-driver.ts';

/** Routes the hot-path frames of a Parley-protocol socket to the driver. */
function wire(socket: FrameSocket, ticketId: string, hooks: SideHooks): ChatSide {
  socket.onFrame = (f: ServerFrame) => {
    if (f.type === 'message') hooks.message(f.message.clientId);
    else if (f.type === 'ack' && f.message) hooks.ack(f.message.clientId);
    else if (f.type === 'error') hooks.error(f.ref);
  };
  return {
    send: (clientId, body) => socket.send({ type: 'message', ticketId, clientId, body, ref: clientId }),
    close: () => socket.close(),
  };
}

async function join(socket: FrameSocket, ticketId: string): Promise<void> {
  await socket.request({ type: 'join', ticketId, ref: `join-${ticketId}` });
}

export interface ParleyChatContext {
  api: ParleyApi;
  members: StaffSession[];
  customers: CustomerSession[];
  serverPid: number;
}

/** The real thing: customer (visitor token) and member (session cookie) on one accepted ticket. */
export function parleyTransport(ctx: ParleyChatContext): ChatTransport {
  const tickets: string[] = [];
  const staff: FrameSocket[] = [];
  return {
    name: 'parley',
    // Tickets are created and accepted before any socket is open, so set-up does not flood the
    // members with ticket_created events that are not what is measured. Then the members come on
    // shift before their customers connect, as a support team does.
    async prepare(pairs) {
      if (pairs > ctx.members.length || pairs > ctx.customers.length) throw new Error(`need ${pairs} members and customers`);
      await mapPool(pairs, 10, async (i) => {
        const ticket = await step(`pair ${i}: create ticket`, ctx.api.createTicket(ctx.customers[i], `Bench chat ticket ${i}`, i));
        await step(`pair ${i}: accept`, ctx.api.accept(ctx.members[i], ticket.id));
        tickets[i] = ticket.id;
      });
      await mapPool(pairs, 20, async (i) => {
        staff[i] = await step(`pair ${i}: member socket`, openStaffSocket(ctx.api.wsUrl, ctx.api.origin, ctx.members[i].cookie, loopbackSource(i + 1)));
      });
    },
    async openPair(i, [customerHooks, memberHooks]) {
      const ticketId = tickets[i];
      const customer = await step(`pair ${i}: customer socket`, openCustomerSocket(ctx.api.wsUrl, CUSTOMER_ORIGIN, ctx.customers[i].token, loopbackSource(i)));
      await step(`pair ${i}: join`, Promise.all([join(customer, ticketId), join(staff[i], ticketId)]));
      return [wire(customer, ticketId, customerHooks), wire(staff[i], ticketId, memberHooks)];
    },
    dispose: () => staff.forEach((s) => s?.close()),
    serverCpuMs: () => cpuMsOf(ctx.serverPid),
  };
}

/** Baseline: the same frames through the bare ws relay (no persistence, no checks). */
export function wsRelayTransport(wsUrl: string, relayPid: number): ChatTransport {
  return {
    name: 'ws relay',
    async openPair(i, [a, b]) {
      const ticketId = `relay-ticket-${i}`;
      const sockets = await Promise.all([0, 1].map((s) => openCustomerSocket(wsUrl, CUSTOMER_ORIGIN, `token-${i}-${s}`, loopbackSource(i + s))));
      await Promise.all(sockets.map((s) => join(s, ticketId)));
      return [wire(sockets[0], ticketId, a), wire(sockets[1], ticketId, b)];
    },
    serverCpuMs: () => cpuMsOf(relayPid),
  };
}

/** The peer: the same chat through a Socket.IO relay (websocket transport only, as a fair comparison). */
export function socketIoTransport(url: string, relayPid: number): ChatTransport {
  const openSide = async (i: number, ticketId: string, hooks: SideHooks): Promise<ChatSide> => {
    const socket = io(url, { transports: ['websocket'], forceNew: true, reconnection: false, localAddress: loopbackSource(i) } as Parameters<typeof io>[1]);
    await withTimeout(new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', reject);
    }), 20000, 'socket.io connect');
    await withTimeout(socket.emitWithAck('auth', `token-${i}`), 20000, 'socket.io auth');
    await withTimeout(socket.emitWithAck('join', ticketId), 20000, 'socket.io join');
    socket.on('message', (m: { clientId: string }) => hooks.message(m.clientId));
    return {
      send: (clientId, body) =>
        socket.emit('message', { ticketId, clientId, body }, (reply: { message?: { clientId: string } }) =>
          reply.message ? hooks.ack(reply.message.clientId) : hooks.error(clientId),
        ),
      close: () => socket.disconnect(),
    };
  };
  return {
    name: 'socket.io relay',
    async openPair(i, [a, b]) {
      const ticketId = `sio-ticket-${i}`;
      return Promise.all([openSide(i, ticketId, a), openSide(i + 1, ticketId, b)]) as Promise<[ChatSide, ChatSide]>;
    },
    serverCpuMs: () => cpuMsOf(relayPid),
  };
}
