import { CLOSE_CODES, type ClientFrame } from '../../protocol/index.ts';
import { authorKindOf, originAllowed } from '../domain/index.ts';
import { AppError } from '../errors.ts';
import type { Connection } from './connection.ts';
import type { Hub } from './hub.ts';

type Handler<T extends ClientFrame['type']> = (hub: Hub, conn: Connection, frame: Extract<ClientFrame, { type: T }>) => Promise<void> | void;

/** One handler per client frame type; the hub has already parsed and validated the frame. */
export const handlers: { [T in ClientFrame['type']]: Handler<T> } = {
  async auth(hub, conn, frame) {
    if (conn.actor) throw new AppError('bad_request', 'already authenticated');
    const actor = await hub.services.visitors.resolve(frame.token);
    if (!actor) {
      conn.error('unauthorized', 'visitor token is not valid', frame.ref);
      return conn.close(CLOSE_CODES.authFailed, 'invalid token');
    }
    const site = await hub.services.sites.get(actor.siteId);
    if (!site || !originAllowed(conn.origin, site.origins)) {
      conn.error('forbidden', 'this origin is not allowed for the site', frame.ref);
      return conn.close(CLOSE_CODES.authFailed, 'origin not allowed');
    }
    hub.authenticate(conn, actor, null);
  },

  async join(hub, conn, frame) {
    const ticket = await hub.services.tickets.load(conn.actor!, frame.ticketId);
    const after = frame.after ?? 0;
    const replayed = await hub.join(conn, ticket.id, after);
    const reads = await hub.services.messages.readsOf(ticket.id, conn.actor!.id);
    const wire = await hub.services.tickets.get(conn.actor!, ticket.id);
    conn.send({ type: 'ack', ref: frame.ref, ticket: wire, replayed });
    for (const r of reads) conn.send({ type: 'read', ticketId: ticket.id, seq: Number(r.seq), by: { kind: r.reader_kind as 'customer', id: r.reader_id } });
    hub.tellRoomPresence(ticket.id);
  },

  leave(hub, conn, frame) {
    hub.leave(conn, frame.ticketId);
    conn.send({ type: 'ack', ref: frame.ref });
    hub.tellRoomPresence(frame.ticketId);
  },

  async message(hub, conn, frame) {
    const started = performance.now();
    const { message, duplicate } = await hub.services.messages.send(conn.actor!, frame.ticketId, frame.clientId, frame.body);
    conn.send({ type: 'ack', ref: frame.ref, message });
    if (!duplicate) {
      hub.services.metrics.messages.inc();
      hub.services.metrics.sendLatency.observe((performance.now() - started) / 1000);
    }
  },

  async typing(hub, conn, frame) {
    const actor = conn.actor!;
    // load() refuses a ticket the actor may not see (not_found).
    if (!conn.rooms.has(frame.ticketId)) await hub.services.tickets.load(actor, frame.ticketId);
    hub.services.bus.publish({ t: 'typing', ticketId: frame.ticketId, author: { kind: authorKindOf(actor), id: actor.id, name: actor.name } });
  },

  async read(hub, conn, frame) {
    await hub.services.messages.markRead(conn.actor!, frame.ticketId, frame.seq);
    conn.send({ type: 'ack', ref: frame.ref });
  },

  ping(_hub, conn, frame) {
    conn.send({ type: 'pong', ...(frame.ref === undefined ? {} : { ref: frame.ref }) });
  },
};
