import type { ClientFrame } from '../../protocol/index.ts';
import { authorKindOf, originAllowed } from '../domain/index.ts';
import { AppError } from '../errors.ts';
import { tokenId } from '../services/tokens.ts';
import type { Connection } from './connection.ts';
import type { HandlerContext } from './context.ts';
import { CLOSE_AUTH } from './close-codes.ts';

/** A socket over its message allowance is not read for up to this long. */
const MAX_HOLD_OFF_MS = 1000;

type Handler<T extends ClientFrame['type']> = (ctx: HandlerContext, conn: Connection, frame: Extract<ClientFrame, { type: T }>) => Promise<void> | void;

/** One handler per client frame type; the hub has already parsed and validated the frame. */
export const handlers: { [T in ClientFrame['type']]: Handler<T> } = {
  async auth(ctx, conn, frame) {
    if (conn.actor) throw new AppError('bad_request', 'already authenticated');
    const actor = await ctx.services.visitors.resolve(frame.token);
    if (!actor) {
      conn.error('unauthorized', 'visitor token is not valid', frame.ref);
      return conn.close(CLOSE_AUTH, 'invalid token');
    }
    const site = await ctx.services.sites.get(actor.siteId);
    if (!site || !originAllowed(conn.origin, site.origins)) {
      conn.error('forbidden', 'this origin is not allowed for the site', frame.ref);
      return conn.close(CLOSE_AUTH, 'origin not allowed');
    }
    ctx.authenticate(conn, actor, { tokenId: tokenId(frame.token) });
  },

  async join(ctx, conn, frame) {
    const { services } = ctx;
    const ticket = await services.tickets.load(conn.actor!, frame.ticketId);
    const replayed = await ctx.rooms.join(conn, ticket.id, frame.after ?? 0, frame.afterNote ?? 0);
    const reads = await services.messages.readsOf(ticket.id, conn.actor!.id);
    const wire = await services.tickets.get(conn.actor!, ticket.id);
    conn.send({ type: 'ack', ref: frame.ref, ticket: wire, replayed });
    for (const r of reads) conn.send({ type: 'read', ticketId: ticket.id, seq: Number(r.seq), by: { kind: r.reader_kind as 'customer', id: r.reader_id } });
    ctx.rooms.tellPresence(ticket.id);
  },

  leave(ctx, conn, frame) {
    ctx.rooms.leave(conn, frame.ticketId);
    conn.send({ type: 'ack', ref: frame.ref });
    ctx.rooms.tellPresence(frame.ticketId);
  },

  async message(ctx, conn, frame) {
    const started = performance.now();
    // Refused before any database work, so a flood costs the server little and stores nothing.
    const wait = ctx.fairUse.message(conn, started);
    if (wait) {
      ctx.services.metrics.limited.inc({ limit: 'messages' });
      conn.holdOff(Math.min(wait, MAX_HOLD_OFF_MS));
      return conn.error('rate_limited', 'too many messages; slow down and resend', frame.ref, wait);
    }
    const { message, duplicate } = await ctx.services.messages.send(conn.actor!, frame.ticketId, frame.clientId, frame.body, frame.internal === true, frame.attachments);
    conn.send({ type: 'ack', ref: frame.ref, message });
    if (!duplicate) {
      ctx.services.metrics.messages.inc();
      ctx.services.metrics.sendLatency.observe((performance.now() - started) / 1000);
    }
  },

  async typing(ctx, conn, frame) {
    const actor = conn.actor!;
    // Typing is a hint: frames past the throttle are dropped, not refused.
    if (!ctx.fairUse.typing(actor.id, frame.ticketId)) return void ctx.services.metrics.limited.inc({ limit: 'typing' });
    // load() refuses a ticket the actor may not see (not_found).
    if (!conn.rooms.has(frame.ticketId)) await ctx.services.tickets.load(actor, frame.ticketId);
    const author = { kind: authorKindOf(actor), id: actor.id, name: actor.name };
    // Typing a note is news for staff only; a customer claiming to type one is just typing.
    ctx.services.bus.publish(frame.internal && actor.kind === 'staff' ? { t: 'typing', ticketId: frame.ticketId, author, internal: true } : { t: 'typing', ticketId: frame.ticketId, author });
  },

  async read(ctx, conn, frame) {
    await ctx.services.messages.markRead(conn.actor!, frame.ticketId, frame.seq);
    conn.send({ type: 'ack', ref: frame.ref });
  },

  ping(_ctx, conn, frame) {
    conn.send({ type: 'pong', ...(frame.ref === undefined ? {} : { ref: frame.ref }) });
  },
};
