import * as v from 'valibot';
import { LIMITS } from '../limits.ts';
import { LABEL } from '../labels.ts';
import { TICKET_STATUSES, URGENCIES } from '../tickets.ts';
import { ClientId } from './messages.ts';
import { flag, oneOf, optional, text } from './text.ts';
import { Email } from './users.ts';
import { EDGE_LIMITS } from './limits.ts';

/** `POST /api/tickets`; the site's own categories are checked by the server. */
export const NewTicket = v.object({
  category: text(LIMITS.category, { description: "one of the site's categories" }),
  urgency: oneOf(URGENCIES),
  description: text(LIMITS.description),
  clientId: optional(v.pipe(ClientId, v.description('a retry with the same clientId returns the first ticket'))),
  email: optional(Email),
  transcript: optional(flag('true mails the conversation to the customer when the ticket is closed')),
}, 'must be a JSON object');

/** `POST /api/tickets/:id/reject` */
export const RejectBody = v.object({ reason: optional(text(LIMITS.rejectReason)) }, 'must be a JSON object');

/** A query-string value (the first, when a key repeats). */
export const first = v.pipe(
  v.union([v.string(), v.array(v.string())], 'must be a string'),
  v.transform((x) => (Array.isArray(x) ? x[0] ?? '' : x)),
);
const digits = v.check((s: string) => /^\d{0,16}$/.test(s), 'must be a non-negative integer');

/** A query-string integer within `0..max`; an empty value is absent. */
export const queryInt = (max: number, description: string) =>
  v.optional(v.pipe(
    first,
    digits,
    v.transform((s) => (s === '' ? undefined : Number(s))),
    v.optional(v.pipe(v.number(), v.maxValue(max, `must be at most ${max}`))),
    v.description(description),
  ));

/** `limit`: at least 1; more than `max` is capped to `max` (documented), absent is `fallback`. */
export const queryLimit = (max: number, fallback = max) =>
  v.optional(v.pipe(
    first,
    digits,
    v.transform((s) => (s === '' ? fallback : Math.min(Math.max(Number(s), 1), max))),
    v.description(`how many to return, 1 to ${max} (default ${fallback}; larger values are capped to ${max})`),
  ), String(fallback));

/** A query-string value that must be a ticket status. */
export const queryStatus = v.optional(v.pipe(first, oneOf(TICKET_STATUSES)));
/** A query-string value that must be a label. */
export const queryLabel = v.optional(v.pipe(first, v.regex(LABEL, 'must be 1-32 letters, digits, - or _'), v.description('only tickets carrying this label')));

/** `GET /api/tickets` */
export const TicketListQuery = v.object({
  status: queryStatus,
  mine: v.optional(v.pipe(first, v.transform((s) => s === 'true' || s === '1'), v.description('true: only tickets assigned to me'))),
  label: queryLabel,
  limit: queryLimit(EDGE_LIMITS.listMax, 200),
});

/** `GET /api/tickets/:id/messages`: `after` pages forward (oldest first), `before` pages back. */
export const MessagesQuery = v.object({
  after: queryInt(EDGE_LIMITS.maxSeq, 'messages with a seq above this one, oldest first'),
  before: queryInt(EDGE_LIMITS.maxSeq, 'messages with a seq below this one, newest page first'),
  limit: queryLimit(LIMITS.pageSize),
});

/** `GET /api/chats`: the conversations inbox, paged by an opaque cursor. */
export const ChatsQuery = v.object({
  status: queryStatus,
  label: queryLabel,
  assignee: v.optional(v.pipe(first, v.regex(/^(none|[0-9a-f-]{36})$/i, 'must be a member id or "none"'), v.description('only tickets assigned to this member ("none": unassigned)'))),
  cursor: v.optional(v.pipe(first, v.maxLength(200, 'is not a cursor from this endpoint'), v.description('nextCursor of the previous page'))),
  limit: queryLimit(EDGE_LIMITS.listMax, 50),
});

/** `POST /api/tickets/:id/assign`: another member's id transfers the ticket; null releases it to the queue. */
export const AssignBody = v.object({
  userId: v.pipe(
    v.nullable(v.pipe(v.string('must be a user id or null'), v.uuid('must be a user id'))),
    v.description('the member to transfer the ticket to; null releases it to the open queue'),
  ),
}, 'must be a JSON object');
