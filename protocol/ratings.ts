// Ratings (CSAT): the wire types and the rule for when a customer may rate. Pure,
// so the server enforces it and the widget shows the form only when it would be accepted.
import type { Ticket } from './tickets.ts';

export const RATING = {
  minScore: 1,
  maxScore: 5,
  comment: 1000,
  /** A closed ticket can be rated for this long after it closed. */
  windowMs: 7 * 24 * 3600 * 1000,
} as const;

/** `POST /api/tickets/:id/rating` body, inferred from its schema. */
export type RatingInput = import('valibot').InferOutput<typeof import('./schemas/ratings.ts').RatingBody>;

/** A stored rating, as `GET /api/tickets/:id/rating` returns it (`{rating: Rating | null}`). */
export interface Rating {
  ticketId: string;
  score: number;
  comment: string | null;
  createdAt: string;
}

/** Whether the ticket's customer may rate it now: closed, within the window (once is the server's to check). */
export const canRate = (ticket: Pick<Ticket, 'status' | 'closedAt'>, now = Date.now()): boolean =>
  ticket.status === 'closed' && !!ticket.closedAt && now - Date.parse(ticket.closedAt) <= RATING.windowMs;

/** `GET /api/reply-time` (customer): the site's median first response over the last 7 days. */
export interface ReplyTime {
  medianFirstResponseSeconds: number | null;
}
