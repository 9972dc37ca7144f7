import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { canRate, type Rating as WireRating, type RatingInput } from '../../protocol/index.ts';
import type { Database } from '../db/orm.ts';
import type { Actor } from '../domain/index.ts';
import { Rating } from '../entities/index.ts';
import { AppError, forbidden } from '../errors.ts';
import { ticketToWire } from './serialize.ts';
import type { TicketService } from './tickets.ts';
import { enqueueWebhook } from './webhooks.ts';

const toWire = (r: Rating): WireRating => ({ ticketId: r.ticketId, score: r.score, comment: r.comment ?? null, createdAt: new Date(r.createdAt).toISOString() });

/** Ratings (CSAT): the ticket's customer rates it once, after it closed, within the window. */
export class RatingService {
  private readonly db: Database;
  private readonly tickets: TicketService;
  constructor(db: Database, tickets: TicketService) {
    this.db = db;
    this.tickets = tickets;
  }

  async rate(actor: Actor, ticketId: string, input: RatingInput): Promise<WireRating> {
    if (actor.kind !== 'customer') throw forbidden('only the ticket’s customer rates it');
    // Scoped like every ticket read: another customer's ticket is not found.
    const ticket = await this.tickets.load(actor, ticketId);
    if (ticket.status !== 'closed') throw new AppError('invalid_state', 'a ticket can be rated once it is closed');
    if (!canRate(ticketToWire(ticket))) throw new AppError('invalid_state', 'the time to rate this ticket has passed');
    let rating!: Rating;
    try {
      // The rating and its webhook deliveries commit together.
      await this.db.em().transactional(async (em) => {
        rating = em.create(Rating, { ticketId: ticket.id, customerId: actor.id, score: input.score, comment: input.comment ?? null });
        await em.flush();
        await enqueueWebhook(em, 'rating.created', ticket.id, { rating: toWire(rating), ticket: ticketToWire(ticket) });
      });
    } catch (err) {
      if (err instanceof UniqueConstraintViolationException) throw new AppError('conflict', 'this ticket is already rated');
      throw err;
    }
    return toWire(rating);
  }

  /** The ticket's rating for whoever may see the ticket (its customer, staff), or null. */
  async get(actor: Actor, ticketId: string): Promise<WireRating | null> {
    const ticket = await this.tickets.load(actor, ticketId);
    const rating = await this.db.em().findOne(Rating, { ticketId: ticket.id });
    return rating ? toWire(rating) : null;
  }
}
