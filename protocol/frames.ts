import type { ErrorCode } from './errors.ts';
import type { Author, Message } from './messages.ts';
import type { QueueFrame } from './routing.ts';
import type { Ticket } from './tickets.ts';
import type { SocketUser } from './users.ts';

/** Every frame may carry `ref`; the server echoes it in the `ack` or `error` that answers it. */
interface Ref {
  ref?: string;
}

// client -> server
export interface AuthFrame extends Ref { type: 'auth'; token: string }
export interface JoinFrame extends Ref { type: 'join'; ticketId: string; after?: number }
export interface LeaveFrame extends Ref { type: 'leave'; ticketId: string }
export interface SendFrame extends Ref { type: 'message'; ticketId: string; clientId: string; body: string }
export interface TypingFrame extends Ref { type: 'typing'; ticketId: string }
export interface ReadFrame extends Ref { type: 'read'; ticketId: string; seq: number }
export interface PingFrame extends Ref { type: 'ping' }

export type ClientFrame = AuthFrame | JoinFrame | LeaveFrame | SendFrame | TypingFrame | ReadFrame | PingFrame;
export type ClientFrameType = ClientFrame['type'];

// server -> client
export interface PresenceEntry { kind: Author['kind']; id: string; name?: string | null }

export type ServerFrame =
  | { type: 'ready'; user: SocketUser }
  | { type: 'ticket_created'; ticket: Ticket }
  /** `auto: true` when routing assigned it (no member clicked accept). */
  | { type: 'ticket_accepted'; ticket: Ticket; auto?: true }
  | { type: 'ticket_rejected'; ticket: Ticket }
  | { type: 'ticket_closed'; ticket: Ticket }
  | { type: 'message'; message: Message }
  /** Answers a client frame. For `message`, carries the stored message (with its `seq`); for `join`, the ticket and the number of replayed messages. */
  | { type: 'ack'; ref?: string; message?: Message; ticket?: Ticket; replayed?: number }
  | { type: 'typing'; ticketId: string; author: Author }
  | { type: 'read'; ticketId: string; seq: number; by: Author }
  /** Without `ticketId`: the staff online (what a customer needs to know). With it: who is in that ticket's room. */
  | { type: 'presence'; ticketId?: string; online: PresenceEntry[] }
  /** `retryAfterMs` (with `rate_limited`): when the same frame may be sent again. */
  | { type: 'error'; ref?: string; code: ErrorCode; message: string; retryAfterMs?: number }
  | { type: 'pong'; ref?: string }
  | QueueFrame;
export type ServerFrameType = ServerFrame['type'];

/** Ticket lifecycle events, by the name of the frame that announces them. */
export const TICKET_EVENT_TYPES = ['ticket_created', 'ticket_accepted', 'ticket_rejected', 'ticket_closed'] as const;
export type TicketEventType = (typeof TICKET_EVENT_TYPES)[number];
