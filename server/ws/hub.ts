import type { WebSocket } from 'ws';
import { type Message, type PresenceEntry, type Ticket, type TicketEventType } from '../../protocol/index.ts';
import { parseClientFrame } from '../../protocol/schemas/index.ts';
import { canView, isStaff, type SocketActor } from '../domain/index.ts';
import { AppError } from '../errors.ts';
import type { Envelope } from '../realtime/events.ts';
import type { Services } from '../services/index.ts';
import { Connection } from './connection.ts';
import { handlers } from './handlers.ts';
import { PresenceBook } from './presence.ts';

const HEARTBEAT_MS = 30_000;
const AUTH_TIMEOUT_MS = 10_000;
const PRESENCE_ANNOUNCE_MS = 20_000;
const PRESENCE_COALESCE_MS = 250;
/** A customer needs to know that someone is there, not the whole team: a few names at most. */
const CUSTOMER_PRESENCE_MAX = 5;

/** Close codes the clients understand: 4001 means "credentials revoked, sign in again". */
export const CLOSE_REVOKED = 4001;
export const CLOSE_AUTH = 4003;

/**
 * The realtime hub of one instance: its sockets, the ticket rooms they joined, and delivery of bus
 * events (from this instance or others) to exactly the sockets allowed to see them, in seq order.
 */
export class Hub {
  readonly services: Services;
  readonly connections = new Set<Connection>();
  private readonly staff = new Set<Connection>();
  private readonly customers = new Map<string, Set<Connection>>();
  private readonly rooms = new Map<string, Set<Connection>>();
  readonly presence = new PresenceBook();
  private readonly timers: NodeJS.Timeout[] = [];
  private readonly unsubscribe: () => void;
  private announceTimer: NodeJS.Timeout | null = null;
  private customerPresenceTimer: NodeJS.Timeout | null = null;
  private lastCustomerPresence = '';
  private readonly counts = { customer: 0, member: 0, admin: 0 };

  constructor(services: Services) {
    this.services = services;
    this.unsubscribe = services.bus.subscribe((e, local) => void this.onBus(e, local).catch((err) => console.error('hub delivery failed', err)));
    this.timers.push(setInterval(() => this.heartbeat(), HEARTBEAT_MS).unref());
    this.timers.push(setInterval(() => this.announcePresence(), PRESENCE_ANNOUNCE_MS).unref());
  }

  /** Takes a socket whose upgrade passed the Origin check; `actor` is set when the cookie already authenticated it. */
  accept(ws: WebSocket, origin: string, staff: { actor: SocketActor; sessionId: string } | null): void {
    const conn = new Connection(ws, origin);
    this.connections.add(conn);
    ws.on('pong', () => (conn.alive = true));
    ws.on('message', (data, isBinary) => {
      if (isBinary) return conn.error('bad_request', 'frames must be JSON text');
      void this.onFrame(conn, data.toString());
    });
    ws.on('close', () => this.drop(conn));
    ws.on('error', () => ws.terminate());
    if (staff) this.authenticate(conn, staff.actor, staff.sessionId);
    else setTimeout(() => { if (!conn.actor) conn.close(CLOSE_AUTH, 'authenticate first'); }, AUTH_TIMEOUT_MS).unref();
  }

  authenticate(conn: Connection, actor: SocketActor, sessionId: string | null): void {
    conn.actor = actor;
    conn.sessionId = sessionId;
    if (isStaff(actor)) {
      this.staff.add(conn);
      if (this.presence.add({ kind: actor.role, id: actor.id, name: actor.name })) this.presenceChanged();
    } else {
      let set = this.customers.get(actor.id);
      if (!set) this.customers.set(actor.id, (set = new Set()));
      set.add(conn);
    }
    this.count(actor, 1);
    conn.send({ type: 'ready', user: isStaff(actor) ? { kind: actor.role, id: actor.id, name: actor.name } : { kind: 'customer', id: actor.id, name: actor.name, siteId: actor.siteId } });
    if (!isStaff(actor)) conn.send({ type: 'presence', online: this.presence.online().slice(0, CUSTOMER_PRESENCE_MAX) });
  }

  private async onFrame(conn: Connection, text: string): Promise<void> {
    const parsed = parseClientFrame(text);
    if (!parsed.ok) {
      this.services.metrics.frames.inc({ type: 'invalid', result: 'error' });
      return conn.error(parsed.code, parsed.message, parsed.ref);
    }
    const frame = parsed.value;
    if (!conn.actor && frame.type !== 'auth') return conn.error('unauthorized', 'authenticate first', frame.ref);
    try {
      await handlers[frame.type](this, conn, frame as never);
      this.services.metrics.frames.inc({ type: frame.type, result: 'ok' });
    } catch (err) {
      this.services.metrics.frames.inc({ type: frame.type, result: 'error' });
      if (err instanceof AppError) return conn.error(err.code, err.message, frame.ref);
      console.error('socket handler failed', err);
      conn.error('internal', 'something went wrong; try again', frame.ref);
    }
  }

  // --- rooms -------------------------------------------------------------------------------------

  /** Subscribes and replays seq > after before any live event, so the socket sees every message once, in order. */
  async join(conn: Connection, ticketId: string, after: number): Promise<number> {
    let room = this.rooms.get(ticketId);
    if (!room) this.rooms.set(ticketId, (room = new Set()));
    room.add(conn);
    const existing = conn.rooms.get(ticketId);
    const sub = existing ?? { lastSent: after, pending: null };
    sub.lastSent = after;
    conn.rooms.set(ticketId, sub);
    return this.catchUp(conn, ticketId);
  }

  leave(conn: Connection, ticketId: string): void {
    conn.rooms.delete(ticketId);
    const room = this.rooms.get(ticketId);
    room?.delete(conn);
    if (room && room.size === 0) this.rooms.delete(ticketId);
  }

  /** Sends what the socket missed after `lastSent`, holding live events meanwhile. Returns how many it sent. */
  private async catchUp(conn: Connection, ticketId: string): Promise<number> {
    const sub = conn.rooms.get(ticketId);
    if (!sub || sub.pending) return 0;
    sub.pending = [];
    let sent = 0;
    try {
      for (;;) {
        const page = await this.services.messages.after(ticketId, sub.lastSent);
        for (const m of page.messages) {
          conn.send({ type: 'message', message: m });
          sub.lastSent = m.seq;
          sent++;
        }
        if (!page.hasMore) break;
      }
    } finally {
      const held = sub.pending ?? [];
      sub.pending = null;
      held.sort((a, b) => a.seq - b.seq);
      for (const m of held) this.deliver(conn, m);
    }
    return sent;
  }

  private deliver(conn: Connection, message: Message): void {
    const sub = conn.rooms.get(message.ticketId);
    if (!sub) return;
    if (sub.pending) return void sub.pending.push(message);
    if (message.seq <= sub.lastSent) return;
    if (message.seq > sub.lastSent + 1) return void this.catchUp(conn, message.ticketId).catch(() => {});
    sub.lastSent = message.seq;
    conn.send({ type: 'message', message });
  }

  // --- bus ---------------------------------------------------------------------------------------

  private async onBus(e: Envelope, local: boolean): Promise<void> {
    switch (e.t) {
      case 'message': {
        const room = this.rooms.get(e.ticketId);
        if (!room) return;
        if (e.message) for (const conn of room) this.deliver(conn, e.message);
        else for (const conn of room) void this.catchUp(conn, e.ticketId).catch(() => {});
        return;
      }
      case 'ticket': {
        const ticket = e.ticket ?? (await this.services.tickets.wire(e.ticketId));
        if (ticket) this.ticketEvent(e.type, ticket);
        return;
      }
      case 'typing':
      case 'read': {
        const room = this.rooms.get(e.ticketId);
        const by = e.t === 'typing' ? e.author : e.by;
        const frame = e.t === 'typing' ? { type: 'typing' as const, ticketId: e.ticketId, author: e.author } : { type: 'read' as const, ticketId: e.ticketId, seq: e.seq, by: e.by };
        for (const conn of room ?? []) if (conn.actor?.id !== by.id) conn.send(frame);
        return;
      }
      case 'revoke':
        return this.revoke(e);
      case 'presence':
        if (!local) {
          const before = JSON.stringify(this.presence.online());
          this.presence.setRemote(e.i, e.staff);
          if (JSON.stringify(this.presence.online()) !== before) this.tellCustomersPresence();
        }
        return;
      case 'sites':
        return;
    }
  }

  private ticketEvent(type: TicketEventType, ticket: Ticket): void {
    const text = JSON.stringify({ type, ticket });
    const facts = { status: ticket.status, customerId: ticket.customer.id, siteId: ticket.siteId, assigneeId: ticket.assignee?.id ?? null };
    // Every member hears of new, accepted and rejected tickets (they were open, so visible to all); closes go to those who can see them.
    for (const conn of this.staff) {
      if (type !== 'ticket_closed' || canView(conn.actor!, facts)) conn.sendText(text);
    }
    for (const conn of this.customers.get(ticket.customer.id) ?? []) if (conn.actor && canView(conn.actor, facts)) conn.sendText(text);
    // Sockets that may no longer see the ticket (another member took it) leave its room.
    for (const conn of this.rooms.get(ticket.id) ?? []) if (!canView(conn.actor!, facts)) this.leave(conn, ticket.id);
  }

  private revoke(e: Extract<Envelope, { t: 'revoke' }>): void {
    for (const conn of this.connections) {
      const a = conn.actor;
      if (!a) continue;
      const hit = (e.userId && a.kind === 'staff' && a.id === e.userId)
        || (e.sessionId && conn.sessionId === e.sessionId)
        || (e.siteId && a.kind === 'customer' && a.siteId === e.siteId && a.verified);
      if (hit) conn.close(CLOSE_REVOKED, 'signed out');
    }
  }

  // --- presence ----------------------------------------------------------------------------------

  roomPresence(ticketId: string): PresenceEntry[] {
    const seen = new Map<string, PresenceEntry>();
    for (const conn of this.rooms.get(ticketId) ?? []) {
      const a = conn.actor!;
      seen.set(a.id, { kind: a.kind === 'customer' ? 'customer' : a.role, id: a.id, name: a.name });
    }
    return [...seen.values()];
  }

  tellRoomPresence(ticketId: string): void {
    const frame = { type: 'presence' as const, ticketId, online: this.roomPresence(ticketId) };
    for (const conn of this.rooms.get(ticketId) ?? []) conn.send(frame);
  }

  private presenceChanged(): void {
    this.tellCustomersPresence();
    if (this.announceTimer) return;
    this.announceTimer = setTimeout(() => {
      this.announceTimer = null;
      this.announcePresence();
    }, 100);
  }

  private announcePresence(): void {
    this.services.bus.publish({ t: 'presence', staff: this.presence.localStaff() });
  }

  /** Coalesced: a burst of staff sign-ins becomes one frame per customer, and only when the list changed. */
  private tellCustomersPresence(): void {
    if (this.customerPresenceTimer) return;
    this.customerPresenceTimer = setTimeout(() => {
      this.customerPresenceTimer = null;
      const text = JSON.stringify({ type: 'presence', online: this.presence.online().slice(0, CUSTOMER_PRESENCE_MAX) });
      if (text === this.lastCustomerPresence) return;
      this.lastCustomerPresence = text;
      for (const set of this.customers.values()) for (const conn of set) conn.sendText(text);
    }, PRESENCE_COALESCE_MS);
  }

  // --- lifecycle ---------------------------------------------------------------------------------

  private drop(conn: Connection): void {
    if (!this.connections.delete(conn)) return;
    const rooms = [...conn.rooms.keys()];
    for (const ticketId of rooms) this.leave(conn, ticketId);
    const a = conn.actor;
    if (a && isStaff(a)) {
      this.staff.delete(conn);
      if (this.presence.remove(a.id)) this.presenceChanged();
    } else if (a) {
      const set = this.customers.get(a.id);
      set?.delete(conn);
      if (set?.size === 0) this.customers.delete(a.id);
    }
    for (const ticketId of rooms) this.tellRoomPresence(ticketId);
    if (a) this.count(a, -1);
  }

  private heartbeat(): void {
    for (const conn of this.connections) {
      if (!conn.alive) {
        conn.ws.terminate();
        continue;
      }
      conn.alive = false;
      conn.ws.ping();
    }
  }

  private count(actor: SocketActor, delta: number): void {
    const kind = actor.kind === 'customer' ? 'customer' : actor.role;
    this.counts[kind] += delta;
    this.services.metrics.connections.set({ kind }, this.counts[kind]);
  }

  /** Authenticated sockets on this instance, by kind. */
  connectionCounts(): { customers: number; members: number; admins: number } {
    return { customers: this.counts.customer, members: this.counts.member, admins: this.counts.admin };
  }

  close(): void {
    this.unsubscribe();
    for (const t of this.timers) clearInterval(t);
    if (this.announceTimer) clearTimeout(this.announceTimer);
    if (this.customerPresenceTimer) clearTimeout(this.customerPresenceTimer);
    for (const conn of this.connections) conn.ws.terminate();
    this.connections.clear();
  }
}
