// The member's lists as a Lit controller: loads them, applies socket events, watches the rooms of my
// tickets for unread counts, and runs accept/reject with a plain answer when someone else was first.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Ticket, User } from '../protocol/index.ts';
import { TICKET_EVENT_TYPES } from '../protocol/index.ts';
import { HttpError } from '../protocol/index.ts';
import { api, errorText } from './api.ts';
import { customerName } from './format.ts';
import type { RealtimeController } from './realtime-controller.ts';
import { applyMessage, applyRead, emptyBoard, fromLists, place, type Board } from './ticket-board.ts';
import type { ToastKind } from './parley-toast.ts';

export interface BoardHooks {
  notify(text: string, kind: ToastKind): void;
  /** A ticket arrived (not one loaded from the list). */
  created(ticket: Ticket): void;
  /** Any lifecycle event, with the ticket as it is now. */
  changed(ticket: Ticket): void;
  /** The viewer accepted a ticket: go to its chat. */
  accepted(ticket: Ticket): void;
  /** The API said the session is gone. */
  unauthorized(): void;
}

export class BoardController implements ReactiveController {
  board: Board = emptyBoard();
  loaded = false;
  error = '';
  /** Ids with a request in flight, and ids that just arrived (highlighted briefly). */
  busy: ReadonlySet<string> = new Set();
  fresh: ReadonlySet<string> = new Set();
  private host: ReactiveControllerHost;
  private realtime: RealtimeController;
  private hooks: BoardHooks;
  private me = '';
  private watching = new Map<string, () => void>();

  constructor(host: ReactiveControllerHost, realtime: RealtimeController, hooks: BoardHooks) {
    this.host = host;
    this.realtime = realtime;
    this.hooks = hooks;
    host.addController(this);
  }

  /** Starts following the lists on the signed-in user's socket. */
  start(user: User): void {
    this.me = user.id;
    const socket = this.realtime.socket!;
    // Every (re)connect reloads the lists, so an event missed while offline is never missed for long.
    socket.on('ready', () => void this.load());
    for (const type of TICKET_EVENT_TYPES) {
      socket.on(type, (frame) => {
        const { ticket } = frame;
        const wasMine = this.board.mine.some((t) => t.id === ticket.id);
        this.set(place(this.board, ticket, this.me));
        // Routing or a colleague gave it to me (my own accept opens the chat already): say so.
        const auto = type === 'ticket_accepted' && 'auto' in frame && frame.auto === true;
        if (!wasMine && ticket.status === 'assigned' && ticket.assignee?.id === this.me && (auto || type === 'ticket_updated')) {
          this.hooks.notify(`${auto ? 'Assigned to you' : 'Transferred to you'}: ${customerName(ticket)} · ${ticket.category}. It is in My tickets.`, 'info');
        }
        if (type === 'ticket_created') this.arrived(ticket);
        else this.hooks.changed(ticket);
      });
    }
    void this.load();
  }

  stop(): void {
    for (const unwatch of this.watching.values()) unwatch();
    this.watching.clear();
    Object.assign(this, { board: emptyBoard(), loaded: false, error: '', me: '' });
  }

  async load(): Promise<void> {
    try {
      const [open, mine] = await Promise.all([api.tickets({ status: 'open' }), api.tickets({ mine: true, status: 'assigned' })]);
      this.set(fromLists(open, mine, this.me));
      this.error = '';
    } catch (e) {
      if (e instanceof HttpError && e.status === 401) return this.hooks.unauthorized();
      this.error = errorText(e);
    } finally {
      this.loaded = true;
      this.host.requestUpdate();
    }
  }

  read(ticketId: string, seq: number): void {
    this.set(applyRead(this.board, ticketId, seq));
  }

  get unreadMine(): number {
    return this.board.mine.reduce((n, t) => n + Math.max(0, t.lastSeq - (t.readSeq ?? 0)), 0);
  }

  async accept(ticket: Ticket): Promise<void> {
    await this.act(ticket, async () => {
      const updated = await api.accept(ticket.id);
      this.set(place(this.board, updated, this.me));
      this.hooks.notify(`You accepted the ticket from ${customerName(updated)}.`, 'success');
      this.hooks.accepted(updated);
    });
  }

  async reject(ticket: Ticket, reason: string): Promise<void> {
    await this.act(ticket, async () => {
      this.set(place(this.board, await api.reject(ticket.id, reason || undefined), this.me));
      this.hooks.notify('Ticket rejected. The customer has been told.', 'success');
    });
  }

  hostDisconnected(): void {
    this.stop();
  }

  private async act(ticket: Ticket, work: () => Promise<void>) {
    this.busy = new Set([...this.busy, ticket.id]);
    this.host.requestUpdate();
    try {
      await work();
    } catch (e) {
      // A late accept or reject: someone else acted first. Say so plainly and drop the row.
      if (e instanceof HttpError && (e.code === 'invalid_state' || e.code === 'conflict' || e.code === 'not_found')) {
        this.set({ ...this.board, open: this.board.open.filter((t) => t.id !== ticket.id) });
        this.hooks.notify('Too late: another member already took care of this ticket a moment ago.', 'error');
      } else this.hooks.notify(errorText(e), 'error');
    } finally {
      this.busy = new Set([...this.busy].filter((id) => id !== ticket.id));
      this.host.requestUpdate();
    }
  }

  private arrived(ticket: Ticket) {
    this.fresh = new Set([...this.fresh, ticket.id]);
    setTimeout(() => {
      this.fresh = new Set([...this.fresh].filter((id) => id !== ticket.id));
      this.host.requestUpdate();
    }, 2000);
    this.hooks.created(ticket);
  }

  private set(board: Board) {
    this.board = board;
    this.syncWatches();
    this.host.requestUpdate();
  }

  /** Keeps one room watch per ticket of mine, so new messages move its unread count live. */
  private syncWatches() {
    const rooms = this.realtime.rooms;
    const mine = new Map(this.board.mine.map((t) => [t.id, t]));
    for (const [id, unwatch] of this.watching) if (!mine.has(id) || !rooms) (unwatch(), this.watching.delete(id));
    if (!rooms) return;
    for (const t of mine.values()) {
      if (this.watching.has(t.id)) continue;
      this.watching.set(t.id, rooms.watch(t.id, { message: (m) => this.set(applyMessage(this.board, m, this.me)) }, t.lastSeq));
    }
  }
}
