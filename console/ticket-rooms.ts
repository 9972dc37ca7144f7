// One TicketSubscription per ticket for the whole console, shared by everyone interested (the app's
// unread counts, an open chat window). The server keeps one room membership per socket, so a `leave`
// sent by one watcher would silence the others: the room is left only when its last watcher goes.
import type { Message } from '../protocol/index.ts';
import { TicketSubscription, type RealtimeSocket, type SubscriptionHandlers } from '../protocol/client/index.ts';

type Handler<K extends keyof SubscriptionHandlers> = NonNullable<SubscriptionHandlers[K]>;

interface Room {
  sub: TicketSubscription;
  watchers: Set<SubscriptionHandlers>;
}

export class TicketRooms {
  private socket: RealtimeSocket;
  private rooms = new Map<string, Room>();

  constructor(socket: RealtimeSocket) {
    this.socket = socket;
  }

  /**
   * Watches a ticket's room; `after` is the last seq this watcher has (a new room replays from there).
   * Returns the unwatch function.
   */
  watch(ticketId: string, handlers: SubscriptionHandlers, after = 0): () => void {
    let room = this.rooms.get(ticketId);
    if (!room) {
      const watchers = new Set<SubscriptionHandlers>();
      const fan = <K extends keyof SubscriptionHandlers>(key: K) =>
        ((...args: Parameters<Handler<K>>) => {
          for (const w of [...watchers]) (w[key] as ((...a: Parameters<Handler<K>>) => void) | undefined)?.(...args);
        }) as Handler<K>;
      const sub = new TicketSubscription(this.socket, ticketId, {
        message: fan('message'), ticket: fan('ticket'), typing: fan('typing'), read: fan('read'), error: fan('error'),
      }, after);
      this.rooms.set(ticketId, (room = { sub, watchers }));
    }
    room.watchers.add(handlers);
    const current = room;
    return () => {
      current.watchers.delete(handlers);
      if (current.watchers.size || this.rooms.get(ticketId) !== current) return;
      current.sub.leave();
      this.rooms.delete(ticketId);
    };
  }

  /** The room's subscription (for typing/read), if anyone watches it. */
  subscription(ticketId: string): TicketSubscription | undefined {
    return this.rooms.get(ticketId)?.sub;
  }

  /** Hands a message we sent (from its ack) to its room, which delivers it once, in order. */
  receive(message: Message): void {
    this.rooms.get(message.ticketId)?.sub.receive(message);
  }

  /** Tickets currently watched. */
  get watched(): string[] {
    return [...this.rooms.keys()];
  }
}
