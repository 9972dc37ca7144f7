import type { ErrorCode } from '../errors.ts';
import type { Author, Message } from '../messages.ts';
import type { Ticket } from '../tickets.ts';
import type { RealtimeSocket } from './socket.ts';

export interface SubscriptionHandlers {
  /** Each message once, in `seq` order; notes (staff only) once each, in their own `seq` order. */
  message?(message: Message): void;
  /** The ticket from the join answer and from every lifecycle event. */
  ticket?(ticket: Ticket): void;
  typing?(author: Author): void;
  read?(seq: number, by: Author): void;
  /** The join was refused (e.g. `forbidden`, `not_found`). */
  error?(code: ErrorCode, message: string): void;
}

/** How long a gap in `seq` may stay open before the subscription asks the server to replay it. */
const GAP_MS = 1500;

/**
 * One ticket's room (Phoenix's Channel): joins on every (re)connect with `after` = the last seq
 * delivered, so the server replays exactly what was missed; delivers in order and never twice.
 * Internal notes (staff) are a second stream, numbered apart, resumed with `afterNote`.
 */
export class TicketSubscription {
  readonly ticketId: string;
  lastSeq: number;
  /** The last note seq delivered (staff; stays 0 for a customer, who never gets notes). */
  lastNoteSeq = 0;
  private _socket: RealtimeSocket;
  private _handlers: SubscriptionHandlers;
  private _early = new Map<number, Message>();
  private _earlyNotes = new Map<number, Message>();
  private _joins = 0;
  private _gap: ReturnType<typeof setTimeout> | undefined;
  private _offs: (() => void)[];

  /** `after`: the last seq already shown (0 = replay the whole history). */
  constructor(socket: RealtimeSocket, ticketId: string, handlers: SubscriptionHandlers, after = 0) {
    this._socket = socket;
    this.ticketId = ticketId;
    this._handlers = handlers;
    this.lastSeq = after;
    const mine = (id: string) => id === ticketId;
    const onTicket = (f: { ticket: Ticket }) => mine(f.ticket.id) && handlers.ticket?.(f.ticket);
    this._offs = [
      socket.on('ready', () => this._join()),
      socket.on('message', (f) => mine(f.message.ticketId) && this.receive(f.message)),
      socket.on('typing', (f) => mine(f.ticketId) && handlers.typing?.(f.author)),
      socket.on('read', (f) => mine(f.ticketId) && handlers.read?.(f.seq, f.by)),
      socket.on('ticket_accepted', onTicket),
      socket.on('ticket_rejected', onTicket),
      socket.on('ticket_closed', onTicket),
      socket.on('ticket_updated', onTicket),
    ];
    if (socket.state === 'open') this._join();
  }

  /** Takes a message from any source (broadcast, replay, the ack of one we sent); drops what was seen. */
  receive(message: Message): void {
    const note = message.internal === true;
    const early = note ? this._earlyNotes : this._early;
    const last = () => (note ? this.lastNoteSeq : this.lastSeq);
    if (message.seq <= last()) return;
    early.set(message.seq, message);
    let next: Message | undefined;
    while ((next = early.get(last() + 1))) {
      early.delete(next.seq);
      if (note) this.lastNoteSeq = next.seq;
      else this.lastSeq = next.seq;
      this._handlers.message?.(next);
    }
    clearTimeout(this._gap);
    if (this._early.size || this._earlyNotes.size) this._gap = setTimeout(() => this._join(), GAP_MS);
  }

  /** Tells the room this user is typing a note (relayed to staff only). */
  typingNote(): void {
    if (this._socket.state === 'open') this._socket.send({ type: 'typing', ticketId: this.ticketId, internal: true });
  }

  /** Tells the room this user is typing (dropped while offline: stale by the time it would arrive). */
  typing(): void {
    if (this._socket.state === 'open') this._socket.send({ type: 'typing', ticketId: this.ticketId });
  }

  /** Marks everything up to `seq` as read. */
  read(seq = this.lastSeq): void {
    this._socket.send({ type: 'read', ticketId: this.ticketId, seq });
  }

  /** Leaves the room and stops listening. */
  leave(): void {
    this._offs.forEach((off) => off());
    clearTimeout(this._gap);
    this._joins++;
    if (this._socket.state === 'open') this._socket.send({ type: 'leave', ticketId: this.ticketId });
  }

  private async _join(): Promise<void> {
    if (this._socket.state !== 'open') return; // the next `ready` joins
    const attempt = ++this._joins;
    // `afterNote` only once notes were seen, so a customer's join frame stays as it always was.
    const notes = this.lastNoteSeq ? { afterNote: this.lastNoteSeq } : {};
    const result = await this._socket.push({ type: 'join', ticketId: this.ticketId, after: this.lastSeq, ...notes }).result;
    // An answer to an outdated join (a newer one went out, or we left) is ignored.
    if (attempt !== this._joins) return;
    if (result.status === 'ack') {
      if (result.reply.ticket) this._handlers.ticket?.(result.reply.ticket);
    } else if (result.status === 'error') this._handlers.error?.(result.code, result.message);
    else if (this._socket.state === 'open') this._join();
  }
}
