import { raw } from '@mikro-orm/core';
import { holds, type NewTicket, type Ticket as WireTicket, type TicketAction, type TicketEventType, type TicketStatus } from '../../protocol/index.ts';
import type { Database } from '../db/orm.ts';
import { emSql } from '../mail/outbox.ts';
import type { TicketMail, TicketMailInput } from '../mail/ticket-mail.ts';
import { authorKindOf, inTicketScope, canTransition, canView, IDENTITY_MISSING, participantOf, TRANSITIONS, viewWhere, type Actor, type TicketFacts } from '../domain/index.ts';
import { Ticket, TicketEvent, TicketRead } from '../entities/index.ts';
import { AppError, forbidden, notFound } from '../errors.ts';
import { isUuid } from '../input.ts';
import type { Bus } from '../realtime/bus.ts';
import { eventToWire, ticketToWire } from './serialize.ts';
import type { SiteService } from './sites.ts';
import { enqueueWebhook } from './webhooks.ts';

/** The seed's transitions; a release goes through AssignmentService with transfers. */
type SeedAction = Exclude<TicketAction, 'release'>;
const EVENT_OF: Record<SeedAction, TicketEventType> = { accept: 'ticket_accepted', reject: 'ticket_rejected', close: 'ticket_closed' };
const POPULATE = ['customer', 'assignee'] as const;
const WEBHOOK_OF = { accept: 'ticket.accepted', reject: 'ticket.rejected', close: 'ticket.closed' } as const;

/** The rule facts of a ticket; `requireIdentity` is its site's setting. */
export const factsOf = (t: Ticket, requireIdentity: boolean): TicketFacts => ({
  status: t.status,
  customerId: t.customer.id,
  siteId: t.site.id,
  assigneeId: t.assignee?.id ?? null,
  requireIdentity,
});

export interface ListFilter { status?: TicketStatus; mine?: boolean; label?: string; limit: number }

/** Tickets: creation, scoped reads, and the lifecycle transitions, each recorded and broadcast. */
export class TicketService {
  private readonly db: Database;
  private readonly bus: Bus;
  private readonly sites: SiteService;
  /** Queues the mail a new or closed ticket causes, inside its transaction (server/mail/). */
  private readonly mail: TicketMail | null;
  constructor(db: Database, bus: Bus, sites: SiteService, mail: TicketMail | null = null) {
    this.db = db;
    this.bus = bus;
    this.sites = sites;
    this.mail = mail;
  }

  /** The rule facts of a loaded ticket, with its site's current setting (from the sites cache). */
  async facts(t: Ticket): Promise<TicketFacts> {
    return factsOf(t, (await this.sites.get(t.site.id))?.requireIdentity ?? false);
  }

  /** Creates a ticket for a customer; a retry with the same `clientId` returns the first one. */
  async create(actor: Actor, input: NewTicket & { clientId?: string } & TicketMailInput, requireIdentity: boolean): Promise<{ ticket: WireTicket; created: boolean }> {
    if (actor.kind !== 'customer') throw forbidden('only customers open tickets');
    if (actor.onlyTicket) throw forbidden('a resume link opens one ticket only');
    if (holds(IDENTITY_MISSING, participantOf(actor), { status: 'open', customerId: actor.id, siteId: actor.siteId, assigneeId: null, requireIdentity })) throw forbidden('this site requires a signed-in customer to open tickets');
    const em = this.db.em();
    if (input.clientId) {
      const existing = await em.findOne(Ticket, { customer: actor.id, clientId: input.clientId }, { populate: POPULATE });
      if (existing) return { ticket: ticketToWire(existing), created: false };
    }
    let wire: WireTicket;
    try {
      // The ticket, its audit row, its webhook deliveries and its mail commit together.
      wire = await em.transactional(async (tx) => {
        const ticket = tx.create(Ticket, {
          site: actor.siteId, customer: actor.id, category: input.category, urgency: input.urgency,
          description: input.description, status: 'open', clientId: input.clientId ?? null, lastSeq: 0,
        });
        tx.create(TicketEvent, { ticket, action: 'create', fromStatus: null, toStatus: 'open', actorKind: 'customer', actorId: actor.id, actorName: actor.name });
        await tx.flush();
        await tx.populate(ticket, POPULATE);
        const created = ticketToWire(ticket);
        await enqueueWebhook(tx, 'ticket.created', created.id, { ticket: created });
        await this.mail?.created(emSql(tx), created, input);
        return created;
      });
    } catch (err) {
      // A concurrent retry with the same clientId won the race: answer with its ticket.
      if (input.clientId && /unique|duplicate/i.test(String((err as Error).message))) {
        const existing = await this.db.em().findOne(Ticket, { customer: actor.id, clientId: input.clientId }, { populate: POPULATE });
        if (existing) return { ticket: ticketToWire(existing), created: false };
      }
      throw err;
    }
    this.bus.publish({ t: 'ticket', type: 'ticket_created', ticketId: wire.id, customerId: actor.id, ticket: wire });
    return { ticket: wire, created: true };
  }

  /** What this actor may see: a customer their own; a member the open ones and their own; an admin all. */
  async list(actor: Actor, filter: ListFilter): Promise<WireTicket[]> {
    // The visibility rule itself, compiled to SQL (protocol/lifecycle.ts VIEW), is the WHERE.
    const where: Record<string, unknown> = { [raw((alias) => viewWhere(actor, alias).sql, viewWhere(actor, 't').params)]: [] };
    if (filter.mine && actor.kind === 'staff') where.assignee = actor.id;
    if (actor.kind === 'customer' && actor.onlyTicket) where.id = actor.onlyTicket;
    if (filter.status) where.status = filter.status;
    // GIN-indexed containment (migration 0062).
    if (filter.label) Object.assign(where, { [raw((alias) => `${alias}.labels @> ?::jsonb`, [JSON.stringify([filter.label])])]: [] });
    const tickets = await this.db.em().find(Ticket, where, { populate: POPULATE, orderBy: { createdAt: 'desc' }, limit: filter.limit });
    const reads = await this.readPositions(actor.id, tickets.map((t) => t.id));
    return tickets.map((t) => ticketToWire(t, reads.get(t.id) ?? 0));
  }

  /** Loads a ticket the actor may see; anything else is a 404, so ids of others' tickets leak nothing. */
  async load(actor: Actor, id: string): Promise<Ticket> {
    const ticket = isUuid(id) && inTicketScope(actor, id) ? await this.db.em().findOne(Ticket, { id }, { populate: POPULATE }) : null;
    if (!ticket || !canView(actor, await this.facts(ticket))) throw notFound('ticket');
    return ticket;
  }

  async get(actor: Actor, id: string): Promise<WireTicket> {
    const ticket = await this.load(actor, id);
    const reads = await this.readPositions(actor.id, [ticket.id]);
    return ticketToWire(ticket, reads.get(ticket.id) ?? 0);
  }

  /** Reads a ticket with no access check, for the realtime hub that already checked. */
  async wire(id: string): Promise<WireTicket | null> {
    const ticket = await this.db.em().findOne(Ticket, { id }, { populate: POPULATE });
    return ticket ? ticketToWire(ticket) : null;
  }

  async events(actor: Actor, id: string) {
    const ticket = await this.load(actor, id);
    const rows = await this.db.em().find(TicketEvent, { ticket }, { orderBy: { createdAt: 'asc' } });
    return rows.map(eventToWire);
  }

  /**
   * accept / reject / close. The update is conditional on the current status, so of two members
   * accepting at once exactly one wins; the other gets `invalid_state`.
   */
  async transition(actor: Actor, id: string, action: SeedAction, reason?: string): Promise<WireTicket> {
    const current = await this.load(actor, id).catch(async (err) => {
      // A member may not *see* someone else's assigned ticket, but a late accept deserves a clear answer.
      if (err instanceof AppError && err.code === 'not_found' && actor.kind === 'staff' && action === 'accept' && isUuid(id) && (await this.db.em().count(Ticket, { id }))) {
        throw new AppError('invalid_state', 'this ticket was already taken');
      }
      throw err;
    });
    const verdict = canTransition(actor, await this.facts(current), action);
    if (!verdict.ok) throw new AppError(verdict.code, verdict.message);
    const { from, to } = TRANSITIONS[action];
    const now = new Date();
    const changes: Record<string, unknown> = { status: to };
    if (action === 'accept') Object.assign(changes, { assignee: actor.id, acceptedAt: now });
    if (action === 'reject') Object.assign(changes, { rejectedAt: now, rejectReason: reason ?? null });
    if (action === 'close') changes.closedAt = now;
    const wire = await this.db.em().transactional(async (em) => {
      const updated = await em.nativeUpdate(Ticket, { id: current.id, status: from }, changes);
      if (updated !== 1) throw new AppError('invalid_state', action === 'accept' ? 'this ticket was already taken' : 'the ticket changed meanwhile; reload it');
      em.create(TicketEvent, {
        ticket: current.id, action, fromStatus: from, toStatus: to, actorKind: authorKindOf(actor), actorId: actor.id,
        actorName: actor.name, reason: reason ?? null, createdAt: now,
      });
      await em.flush();
      const changed = ticketToWire((await em.findOneOrFail(Ticket, { id: current.id }, { populate: POPULATE, refresh: true })));
      await enqueueWebhook(em, WEBHOOK_OF[action], changed.id, { ticket: changed });
      if (action === 'close') await this.mail?.closed(emSql(em), changed);
      return changed;
    });
    this.bus.publish({ t: 'ticket', type: EVENT_OF[action], ticketId: wire.id, customerId: wire.customer.id, ticket: wire });
    return wire;
  }

  async readPositions(readerId: string, ticketIds: string[]): Promise<Map<string, number>> {
    if (!ticketIds.length) return new Map();
    const rows = await this.db.em().find(TicketRead, { readerId, ticketId: { $in: ticketIds } });
    return new Map(rows.map((r) => [r.ticketId, r.seq]));
  }
}
