import type { Ticket, TicketEventType } from '../../protocol/index.ts';
import type { Services } from '../services/index.ts';
import { CLOSE_REVOKED } from './close-codes.ts';
import type { SocketRegistry } from './registry.ts';
import type { Rooms } from './rooms.ts';

/** Clocks of instances differ a little; read a bit further back than the gap began. */
const SLACK_MS = 5_000;
/** Tickets re-announced after a gap at most (the newest); clients reload their lists on reconnect anyway. */
const MAX_TICKETS = 500;

const EVENT_OF: Record<Ticket['status'], TicketEventType> = {
  open: 'ticket_created', assigned: 'ticket_accepted', rejected: 'ticket_rejected', closed: 'ticket_closed',
};

/**
 * After the bus lost events (its connection dropped, or another instance's did), the database is the
 * log: rooms re-read messages past what each socket was sent, tickets that changed since the gap began
 * are announced again in their current state, and credentials revoked meanwhile end their sockets.
 */
export async function resyncAfterGap(
  hub: { services: Services; rooms: Rooms; registry: SocketRegistry },
  since: number,
  announce: (type: TicketEventType, ticket: Ticket) => Promise<void>,
): Promise<void> {
  const { services, rooms, registry } = hub;
  rooms.resync();
  await revokeStale(services, registry);
  const changed = await services.db.sql<{ id: string }>(
    `select id from tickets
     where greatest(created_at, accepted_at, rejected_at, closed_at) >= ?
     order by greatest(created_at, accepted_at, rejected_at, closed_at) desc limit ?`,
    [new Date(since - SLACK_MS), MAX_TICKETS],
  );
  for (const { id } of changed.reverse()) {
    const ticket = await services.tickets.wire(id);
    if (ticket) await announce(EVENT_OF[ticket.status], ticket);
  }
}

/** Closes (4001) every socket whose staff session or visitor token no longer holds. */
async function revokeStale(services: Services, registry: SocketRegistry): Promise<void> {
  const sessions: string[] = [];
  const tokens: string[] = [];
  for (const conn of registry.connections) {
    if (conn.sessionId) sessions.push(conn.sessionId);
    if (conn.tokenId) tokens.push(conn.tokenId);
  }
  const live = new Set<string>();
  if (sessions.length) {
    const rows = await services.db.sql<{ id: string }>(
      `select s.id from sessions s join users u on u.id = s.user_id
       where s.id = any(?::text[]) and s.expires_at > now() and u.active`,
      [sessions],
    );
    for (const r of rows) live.add(r.id);
  }
  if (tokens.length) {
    const rows = await services.db.sql<{ id: string }>('select id from visitor_tokens where id = any(?::text[])', [tokens]);
    for (const r of rows) live.add(r.id);
  }
  for (const conn of registry.connections) {
    const credential = conn.sessionId ?? conn.tokenId;
    if (credential && !live.has(credential)) conn.close(CLOSE_REVOKED, 'signed out');
  }
}
