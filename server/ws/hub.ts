import type { Duplex } from 'node:stream';
import type { WebSocket } from 'ws';
import { factsOfTicket, type Ticket, type TicketEventType } from '../../protocol/index.ts';
import { parseClientFrame } from '../../protocol/schemas/index.ts';
import { inTicketScope, isStaff, receives, type SocketActor } from '../domain/index.ts';
import { AppError } from '../errors.ts';
import { childLogger, logger } from '../log.ts';
import type { Envelope } from '../realtime/events.ts';
import type { Services } from '../services/index.ts';
import { CLOSE_AUTH, CLOSE_REVOKED, CLOSE_TOO_MANY } from './close-codes.ts';
import { Connection } from './connection.ts';
import type { HandlerContext } from './context.ts';
import { FairUse } from './fair-use.ts';
import { handlers } from './handlers.ts';
import { SocketRegistry } from './registry.ts';
import { resyncAfterGap } from './resync.ts';
import { Rooms } from './rooms.ts';
import { StaffPresence } from './staff-presence.ts';

export { CLOSE_AUTH, CLOSE_REVOKED } from './close-codes.ts';

const HEARTBEAT_MS = 30_000;
const AUTH_TIMEOUT_MS = 10_000;
/** How long close(code) waits for clients to acknowledge the close before cutting them off. */
const CLOSE_GRACE_MS = 2_000;

/**
 * The realtime hub of one instance: takes sockets, dispatches their frames, and routes bus events
 * (from this instance or others) to the sockets allowed to see them. Rooms, presence and the
 * socket registry each live in their own module.
 */
export class Hub implements HandlerContext {
  readonly services: Services;
  readonly registry: SocketRegistry;
  readonly rooms: Rooms;
  readonly presence: StaffPresence;
  readonly fairUse: FairUse;
  private readonly timers: NodeJS.Timeout[] = [];
  private readonly unsubscribe: () => void;
  private draining = false;
  private readonly handling = new Set<Promise<void>>();

  constructor(services: Services) {
    this.services = services;
    this.fairUse = new FairUse(services.config.fairUse, services.messageAllowance);
    this.registry = new SocketRegistry(services.metrics, services.config.fairUse);
    this.rooms = new Rooms((ticketId, after, limit, internal) => (internal ? services.messages.notesAfter(ticketId, after, limit) : services.messages.after(ticketId, after, limit)));
    this.presence = new StaffPresence(services.bus, this.registry);
    this.unsubscribe = services.bus.subscribe((e, local) => void this.onBus(e, local).catch((err) => logger(services.config.logLevel).error({ err }, 'hub delivery failed')));
    this.timers.push(setInterval(() => {
      void this.registry.heartbeat();
      this.fairUse.sweep();
    }, HEARTBEAT_MS).unref());
  }

  get connections(): Set<Connection> {
    return this.registry.connections;
  }

  /** Whether the upgrade handler may accept one more unauthenticated socket from this address / for this staff session. */
  admits(address: string, sessionId: string | null): boolean {
    return sessionId ? this.registry.admitsSession(sessionId) : this.registry.admitsUnauthenticated(address);
  }

  /** Takes a socket whose upgrade passed the Origin check; `staff` is set when the cookie already authenticated it. */
  accept(ws: WebSocket, socket: Duplex, origin: string, address: string, staff: { actor: SocketActor; sessionId: string } | null): void {
    const conn = new Connection(ws, socket, origin, address);
    this.registry.add(conn);
    ws.on('pong', () => (conn.alive = true));
    ws.on('message', (data, isBinary) => {
      // Draining: frames read from now on go unanswered; the client resends them on its next connection.
      if (this.draining) return;
      if (isBinary) return conn.error('bad_request', 'frames must be JSON text');
      const handled = this.onFrame(conn, data.toString());
      this.handling.add(handled);
      void handled.finally(() => this.handling.delete(handled));
    });
    ws.on('close', () => this.drop(conn));
    ws.on('error', () => ws.terminate());
    if (logger(this.services.config.logLevel).isLevelEnabled('debug')) {
      const log = childLogger(this.services.config.logLevel, { connId: conn.id });
      log.debug({ origin, address }, 'socket opened');
      ws.once('close', (code) => log.debug({ code }, 'socket closed'));
    }
    if (staff) this.authenticate(conn, staff.actor, { sessionId: staff.sessionId });
    else setTimeout(() => { if (!conn.actor) conn.close(CLOSE_AUTH, 'authenticate first'); }, AUTH_TIMEOUT_MS).unref();
  }

  authenticate(conn: Connection, actor: SocketActor, credential: { sessionId?: string; tokenId?: string }): boolean {
    if (credential.tokenId && !this.registry.admitsToken(credential.tokenId)) {
      this.services.metrics.limited.inc({ limit: 'sockets' });
      conn.error('rate_limited', 'too many sockets for this visitor; close some tabs');
      conn.close(CLOSE_TOO_MANY, 'too many sockets');
      return false;
    }
    conn.actor = actor;
    conn.sessionId = credential.sessionId ?? null;
    conn.tokenId = credential.tokenId ?? null;
    this.registry.authenticated(conn);
    if (!isStaff(actor)) {
      if (this.registry.customerSockets(actor.id) === 1) this.services.customerPresence.up(actor.id);
      conn.send({ type: 'ready', user: { kind: 'customer', id: actor.id, name: actor.name, siteId: actor.siteId } });
      conn.send({ type: 'presence', online: this.presence.forCustomers() });
      return true;
    }
    const ready = () => conn.send({ type: 'ready', user: { kind: actor.role, id: actor.id, name: actor.name } });
    // The first staff socket of a person here may bring them back online for routing: 'ready' waits for
    // that to be stored, so a console reading its own status on 'ready' reads the new one.
    if (this.presence.staffSocket({ kind: actor.role, id: actor.id, name: actor.name }, true)) void this.services.availability.socketOpened(actor.id).then(ready);
    else ready();
    return true;
  }

  private async onFrame(conn: Connection, text: string): Promise<void> {
    const parsed = parseClientFrame(text);
    if (!parsed.ok) {
      this.services.metrics.frames.inc({ type: 'invalid', result: 'error' });
      return conn.error(parsed.code, parsed.message, parsed.ref);
    }
    const frame = parsed.value;
    if (!conn.actor && frame.type !== 'auth') return conn.error('unauthorized', 'authenticate first', frame.ref);
    // A resume link's socket names its one ticket or none (ping); any other ticket does not exist for it.
    if (conn.actor && 'ticketId' in frame && !inTicketScope(conn.actor, frame.ticketId)) return conn.error('not_found', 'ticket not found', frame.ref);
    try {
      await handlers[frame.type](this, conn, frame as never);
      this.services.metrics.frames.inc({ type: frame.type, result: 'ok' });
    } catch (err) {
      this.services.metrics.frames.inc({ type: frame.type, result: 'error' });
      if (err instanceof AppError) return conn.error(err.code, err.message, frame.ref);
      childLogger(this.services.config.logLevel, { connId: conn.id }).error({ err, frame: frame.type }, 'socket handler failed');
      conn.error('internal', 'something went wrong; try again', frame.ref);
    }
  }

  // --- bus ---------------------------------------------------------------------------------------

  private async onBus(e: Envelope, local: boolean): Promise<void> {
    switch (e.t) {
      case 'message':
        return this.rooms.publish(e.ticketId, e.message, e.internal === true);
      case 'mention':
        return this.mention(e);
      case 'ticket': {
        const ticket = e.ticket ?? (await this.services.tickets.wire(e.ticketId));
        if (ticket) await this.announceTicket(e.type, ticket, e.auto, e.previousAssigneeId);
        return;
      }
      case 'typing':
      case 'read': {
        const by = e.t === 'typing' ? e.author : e.by;
        const frame = e.t === 'typing' ? { type: 'typing' as const, ticketId: e.ticketId, author: e.author } : { type: 'read' as const, ticketId: e.ticketId, seq: e.seq, by: e.by };
        let text: string | null = null;
        const note = e.t === 'typing' && e.internal === true;
        for (const conn of this.rooms.members(e.ticketId)) {
          if (receives(conn.actor!, { type: e.t, fromId: by.id }) && (!note || receives(conn.actor!, { type: 'note' }))) conn.sendText((text ??= JSON.stringify(frame)));
        }
        return;
      }
      case 'revoke':
        return this.revoke(e);
      case 'presence':
        if (!local) this.presence.remote(e.i, e.staff);
        return;
      case 'resync':
        // Announcements were lost in the gap too: tell the others our staff now, not at the next interval.
        this.presence.announce();
        return resyncAfterGap(this, e.since, (type, ticket) => this.announceTicket(type, ticket));
      case 'queue':
        for (const q of e.entries) for (const conn of this.registry.ofCustomer(q.customerId)) if (inTicketScope(conn.actor!, q.ticketId)) conn.send({ type: 'queue', ticketId: q.ticketId, position: q.position });
        return;
      case 'sites':
        return;
    }
  }

  private async announceTicket(type: TicketEventType, ticket: Ticket, auto?: boolean, previousAssigneeId?: string): Promise<void> {
    // Loads the sites cache if need be, so ticketEvent reads the site's requireIdentity from it.
    await this.services.sites.get(ticket.siteId);
    this.ticketEvent(type, ticket, auto, previousAssigneeId);
  }

  ticketEvent(type: TicketEventType, ticket: Ticket, auto?: boolean, previousAssigneeId?: string): void {
    const text = JSON.stringify(auto ? { type, ticket, auto: true } : { type, ticket });
    const facts = factsOfTicket(ticket, this.services.sites.cachedRequireIdentity(ticket.siteId));
    const before = previousAssigneeId ? { ...facts, status: 'assigned', assigneeId: previousAssigneeId } : undefined;
    const delivery = { type, ticket: facts, before };
    // Who hears of it is receives()'s answer (server/domain/receives.ts); only staff and the ticket's customer can be concerned.
    for (const conn of this.registry.staff) if (receives(conn.actor!, delivery)) conn.sendText(text);
    for (const conn of this.registry.ofCustomer(ticket.customer.id)) if (conn.actor && inTicketScope(conn.actor, ticket.id) && receives(conn.actor, delivery)) conn.sendText(text);
    // Sockets that may no longer see the ticket (another member took it) leave its room.
    for (const conn of [...this.rooms.members(ticket.id)]) if (!receives(conn.actor!, { type: 'message', ticket: facts })) this.rooms.leave(conn, ticket.id);
  }

  /** Tells mentioned members of a note, on every socket of theirs, if they may see its ticket now. */
  private async mention(e: Extract<Envelope, { t: 'mention' }>): Promise<void> {
    const targets = [...this.registry.staff].filter((c) => e.userIds.includes(c.actor!.id));
    if (!targets.length) return;
    const ticket = await this.services.tickets.wire(e.mention.ticketId);
    if (!ticket) return;
    const facts = factsOfTicket(ticket, this.services.sites.cachedRequireIdentity(ticket.siteId));
    const text = JSON.stringify({ type: 'mention', ...e.mention });
    for (const conn of targets) if (receives(conn.actor!, { type: 'mention', ticket: facts, toId: conn.actor!.id })) conn.sendText(text);
  }

  private revoke(e: Extract<Envelope, { t: 'revoke' }>): void {
    for (const conn of this.registry.connections) {
      const a = conn.actor;
      if (!a) continue;
      const hit = (e.userId && a.kind === 'staff' && a.id === e.userId)
        || (e.sessionId && conn.sessionId === e.sessionId)
        || (e.siteId && a.kind === 'customer' && a.siteId === e.siteId && a.verified)
        || (e.customerId && a.kind === 'customer' && a.id === e.customerId)
        || (e.tokenId && conn.tokenId === e.tokenId);
      if (hit) conn.close(CLOSE_REVOKED, 'signed out');
    }
  }

  // --- lifecycle ---------------------------------------------------------------------------------

  private drop(conn: Connection): void {
    if (!this.registry.remove(conn)) return;
    const tickets = this.rooms.leaveAll(conn);
    const a = conn.actor;
    if (a && isStaff(a) && this.presence.staffSocket({ kind: a.role, id: a.id, name: a.name }, false)) {
      this.services.availability.socketsClosed(a.id, () => this.presence.book.online().some((e) => e.id === a.id));
    }
    else if (a && !isStaff(a) && this.registry.customerSockets(a.id) === 0) this.services.customerPresence.down(a.id);
    for (const ticketId of tickets) this.rooms.tellPresence(ticketId);
  }

  /** Authenticated sockets on this instance, by kind. */
  connectionCounts(): { customers: number; members: number; admins: number } {
    return this.registry.connectionCounts();
  }

  /** Graceful stop, before close(code): reads no more frames and waits for those being handled (their acks go out). */
  async drain(): Promise<void> {
    this.draining = true;
    await Promise.allSettled([...this.handling]);
  }

  /**
   * Stops the hub. With a close code (e.g. 1001 on shutdown) every socket is closed with it and given
   * a moment to acknowledge; without one they are cut off at once.
   */
  async close(code?: number, reason = 'server shutting down'): Promise<void> {
    this.unsubscribe();
    for (const t of this.timers) clearInterval(t);
    this.presence.close();
    const open = [...this.registry.connections];
    if (code !== undefined && open.length) {
      await Promise.race([
        Promise.all(open.map((conn) => new Promise<void>((done) => {
          if (conn.ws.readyState === conn.ws.CLOSED) return done();
          conn.ws.once('close', () => done());
          conn.close(code, reason);
        }))),
        new Promise((r) => setTimeout(r, CLOSE_GRACE_MS).unref()),
      ]);
    }
    for (const conn of this.registry.connections) conn.ws.terminate();
    this.registry.connections.clear();
  }
}
