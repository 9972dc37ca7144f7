import type { ErrorCode } from './errors.ts';
import type { Author, Mention, Message } from './messages.ts';
import type { QueueFrame } from './routing.ts';
import type { Ticket } from './tickets.ts';
import type { SocketUser } from './users.ts';

import type * as v from 'valibot';
import type * as S from './schemas/frames.ts';

// client -> server: inferred from the schemas that validate them (protocol/schemas/frames.ts).
// Every frame may carry `ref`; the server echoes it in the `ack` or `error` that answers it.
export type AuthFrame = v.InferOutput<typeof S.AuthFrame>;
export type JoinFrame = v.InferOutput<typeof S.JoinFrame>;
export type LeaveFrame = v.InferOutput<typeof S.LeaveFrame>;
export type SendFrame = v.InferOutput<typeof S.SendFrame>;
export type TypingFrame = v.InferOutput<typeof S.TypingFrame>;
export type ReadFrame = v.InferOutput<typeof S.ReadFrame>;
export type PingFrame = v.InferOutput<typeof S.PingFrame>;

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
  | { type: 'ticket_updated'; ticket: Ticket }
  | { type: 'message'; message: Message }
  /** Answers a client frame. For `message`, carries the stored message (with its `seq`); for `join`, the ticket and the number of replayed messages. */
  | { type: 'ack'; ref?: string; message?: Message; ticket?: Ticket; replayed?: number }
  | { type: 'typing'; ticketId: string; author: Author }
  /** To a member mentioned (`@name`) in an internal note on a ticket they may see. */
  | ({ type: 'mention' } & Mention)
  | { type: 'read'; ticketId: string; seq: number; by: Author }
  /** Without `ticketId`: the staff online (what a customer needs to know). With it: who is in that ticket's room. */
  | { type: 'presence'; ticketId?: string; online: PresenceEntry[] }
  /** `retryAfterMs` (with `rate_limited`): when the same frame may be sent again. */
  | { type: 'error'; ref?: string; code: ErrorCode; message: string; retryAfterMs?: number }
  | { type: 'pong'; ref?: string }
  | QueueFrame;
export type ServerFrameType = ServerFrame['type'];

/** Ticket lifecycle events, by the name of the frame that announces them. */
/** `ticket_updated`: a change that is not a lifecycle transition (labels). */
export const TICKET_EVENT_TYPES = ['ticket_created', 'ticket_accepted', 'ticket_rejected', 'ticket_closed', 'ticket_updated'] as const;
export type TicketEventType = (typeof TICKET_EVENT_TYPES)[number];
