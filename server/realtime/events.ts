import type { Author, Mention, Message, PresenceEntry, Ticket, TicketEventType } from '../../protocol/index.ts';

/**
 * What instances tell each other (and their own hub). Large payloads (a ticket or message that would
 * not fit PostgreSQL's 8,000-byte NOTIFY limit) travel as ids; the receiver reads the rest.
 */
export type BusEvent =
  /**
   * `auto`: routing made this assignment (a `ticket_accepted` with `auto: true`). `previousAssigneeId`:
   * the change took the ticket from this member (a transfer or release), who hears of it too.
   */
  | { t: 'ticket'; type: TicketEventType; ticketId: string; customerId: string; ticket?: Ticket; auto?: boolean; previousAssigneeId?: string }
  /** `internal`: a note (staff only; its seq counts in the note numbering). */
  | { t: 'message'; ticketId: string; seq: number; internal?: true; message?: Message }
  /** Members mentioned in a note, told on whichever instance holds their sockets. */
  | { t: 'mention'; userIds: string[]; mention: Mention }
  /** `internal`: typing a note, relayed to staff only. */
  | { t: 'typing'; ticketId: string; author: Author; internal?: true }
  | { t: 'read'; ticketId: string; seq: number; by: Author }
  /** Close the sockets of a user (deactivated, password changed), of one session, of a site's identified customers (secret rotated), of a customer (merged into a verified one) or of one visitor token (reset, replaced). */
  | { t: 'revoke'; userId?: string; sessionId?: string; siteId?: string; customerId?: string; tokenId?: string }
  /** A site changed (origins, secret, settings): drop cached copies. */
  | { t: 'sites' }
  /** The staff online on one instance; each instance announces its own on change and periodically. */
  | { t: 'presence'; staff: PresenceEntry[] }
  /** Events may have been lost since `since` (ms epoch): the bus reconnected. Every hub re-reads from the database. */
  | { t: 'resync'; since: number }
  /** Waiting customers' new places in the routing queue. */
  | { t: 'queue'; entries: { ticketId: string; customerId: string; position: number }[] };

/** A bus event as delivered: stamped with the instance that published it. */
export type Envelope = BusEvent & { i: string };
