// The console's socket as a Lit ReactiveController: one RealtimeSocket (cookie-authenticated at the upgrade)
// and one Outbox per signed-in session; the host re-renders when the connection state changes.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { Outbox, RealtimeSocket, type SocketState } from '../protocol/client/index.ts';
import { TicketRooms } from './ticket-rooms.ts';

/** ws(s)://<this origin>/ws, or the socket of another API base (tests). */
export function socketUrl(base: string = location.origin): string {
  const url = new URL('/ws', base);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return url.href;
}

export class RealtimeController implements ReactiveController {
  socket: RealtimeSocket | null = null;
  outbox: Outbox | null = null;
  rooms: TicketRooms | null = null;
  state: SocketState = 'closed';
  /** Whether the socket has been open at least once (so "reconnecting" can be told from "connecting"). */
  everOpen = false;
  private host: ReactiveControllerHost;
  private offState: (() => void) | null = null;

  constructor(host: ReactiveControllerHost) {
    this.host = host;
    host.addController(this);
  }

  /** Connects (after sign-in). Returns the socket so the host can add its listeners. */
  start(url = socketUrl()): RealtimeSocket {
    this.stop();
    const socket = (this.socket = new RealtimeSocket(url));
    this.outbox = new Outbox(socket);
    this.rooms = new TicketRooms(socket);
    // Our own messages reach their room from the ack, so they show once even if the broadcast is missed.
    this.outbox.onSent((message) => this.rooms?.receive(message));
    this.everOpen = false;
    this.offState = socket.onState((state) => {
      this.state = state;
      if (state === 'open') this.everOpen = true;
      this.host.requestUpdate();
    });
    socket.connect();
    return socket;
  }

  /** Disconnects for good (sign-out, or the host left the page). */
  stop(): void {
    this.offState?.();
    this.offState = null;
    this.socket?.close();
    this.socket = null;
    this.outbox = null;
    this.rooms = null;
    this.state = 'closed';
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    this.stop();
  }
}
