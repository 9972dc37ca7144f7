// Ratings (CSAT): the wire types, the input check and the rule for when a customer may rate. Pure,
// so the server enforces it and the widget shows the form only when it would be accepted.
import type { Parsed } from './validate.ts';
import type { Ticket } from './tickets.ts';

export const RATING = {
  minScore: 1,
  maxScore: 5,
  comment: 1000,
  /** A closed ticket can be rated for this long after it closed. */
  windowMs: 7 * 24 * 3600 * 1000,
} as const;

/** `POST /api/tickets/:id/rating` body. */
export interface RatingInput {
  score: number;
  comment?: string;
}

/** A stored rating, as `GET /api/tickets/:id/rating` returns it (`{rating: Rating | null}`). */
export interface Rating {
  ticketId: string;
  score: number;
  comment: string | null;
  createdAt: string;
}

// Control characters other than tab and line breaks have no place in a comment (and break exports).
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** Checks a rating body: an integer score 1-5 and an optional comment within the limit. */
export function checkRating(body: unknown): Parsed<RatingInput> {
  const fail = (message: string, code: 'bad_request' | 'too_large' = 'bad_request'): Parsed<never> => ({ ok: false, code, message });
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return fail('body must be a JSON object');
  const { score, comment } = body as Record<string, unknown>;
  if (typeof score !== 'number' || !Number.isInteger(score) || score < RATING.minScore || score > RATING.maxScore) return fail('score must be an integer from 1 to 5');
  if (comment === undefined || comment === null) return { ok: true, value: { score } };
  if (typeof comment !== 'string') return fail('comment must be a string');
  const text = comment.trim();
  if (text.length > RATING.comment) return fail(`comment is longer than ${RATING.comment} characters`, 'too_large');
  if (CONTROL.test(text)) return fail('comment contains control characters');
  return { ok: true, value: text ? { score, comment: text } : { score } };
}

/** Whether the ticket's customer may rate it now: closed, within the window (once is the server's to check). */
export const canRate = (ticket: Pick<Ticket, 'status' | 'closedAt'>, now = Date.now()): boolean =>
  ticket.status === 'closed' && !!ticket.closedAt && now - Date.parse(ticket.closedAt) <= RATING.windowMs;

/** `GET /api/reply-time` (customer): the site's median first response over the last 7 days. */
export interface ReplyTime {
  medianFirstResponseSeconds: number | null;
}
