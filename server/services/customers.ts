import type { CustomerAttributes, CustomerDetails, CustomerTicket, VisitorContext } from '../../protocol/index.ts';
import { customerConnectedSql } from '../realtime/customer-presence.ts';
import type { Database } from '../db/orm.ts';
import { canView, hasScope, isStaff, type Actor } from '../domain/index.ts';
import { Customer, CustomerProfile, Ticket, TicketPage } from '../entities/index.ts';
import { forbidden, notFound } from '../errors.ts';
import { isUuid } from '../input.ts';
import { ticketToWire } from './serialize.ts';
import { factsOf } from './tickets.ts';

/** Seen this recently counts as online even without a socket on this instance (the widget calls /api/visitor on every page). */
const ONLINE_WITHIN_MS = 2 * 60_000;
const TICKETS_SHOWN = 50;

/** Customer context for staff: recorded when a visitor arrives, read by the console's details panel. */
export class CustomerService {
  private readonly db: Database;
  /** Whether a socket of this customer is open on this instance (the hub supplies it); other instances' are in customer_connections. */
  private hasSocket: (customerId: string) => boolean = () => false;

  constructor(db: Database) {
    this.db = db;
  }

  /** The customer's email, if any (the ticket form's `askEmail` check). */
  async emailOf(customerId: string): Promise<string | null> {
    const [row] = await this.db.sql<{ email: string | null }>(`select email from customers where id = ?`, [customerId]);
    return row?.email ?? null;
  }

  useSocketCheck(check: (customerId: string) => boolean): void {
    this.hasSocket = check;
  }

  /** Records a visit: when, the page and browser (replacing the previous), and identify's attributes when given. */
  async seen(customerId: string, visit: { context?: VisitorContext; userAgent?: string; attributes?: CustomerAttributes }): Promise<void> {
    const context = visit.context || visit.userAgent ? { ...visit.context, ...(visit.userAgent ? { userAgent: visit.userAgent } : {}) } : null;
    // One upsert, so concurrent first visits of a customer make one profile.
    await this.db.sql(
      `insert into customer_profiles (customer_id, attributes, context, last_seen_at) values (?, ?::jsonb, ?::jsonb, now())
       on conflict (customer_id) do update set last_seen_at = now(),
         context = coalesce(excluded.context, customer_profiles.context),
         attributes = coalesce(excluded.attributes, customer_profiles.attributes)`,
      [customerId, visit.attributes ? JSON.stringify(visit.attributes) : null, context ? JSON.stringify(context) : null],
    );
  }

  /** Remembers the page the customer was on when they opened this ticket (nothing when it is unknown). */
  async recordTicketPage(ticketId: string, customerId: string): Promise<void> {
    await this.db.sql(
      `insert into ticket_pages (ticket_id, url, title)
       select ?, context->>'pageUrl', context->>'pageTitle' from customer_profiles where customer_id = ? and context->>'pageUrl' is not null
       on conflict (ticket_id) do nothing`,
      [ticketId, customerId],
    );
  }

  /** Staff only; the tickets listed are those the reader may see. Customers get 403, even for themselves. */
  async details(actor: Actor, customerId: string): Promise<CustomerDetails> {
    if (!isStaff(actor) && !hasScope(actor, 'customers:read')) throw forbidden('only support staff can read customer details');
    const em = this.db.em();
    const customer = isUuid(customerId) ? await em.findOne(Customer, { id: customerId }) : null;
    if (!customer) throw notFound('customer');
    const [profile, all, [connected]] = await Promise.all([
      em.findOne(CustomerProfile, { customerId }),
      em.find(Ticket, { customer: customerId }, { populate: ['customer', 'assignee'], orderBy: { createdAt: 'desc' }, limit: TICKETS_SHOWN }),
      this.hasSocket(customerId) ? [{ yes: true }] : this.db.sql<{ yes: boolean }>(`select ${customerConnectedSql('?::uuid')} as yes`, [customerId]),
    ]);
    // Identity rules govern customers; staff visibility does not depend on them.
    const tickets = all.filter((t) => canView(actor, factsOf(t, false)));
    const pages = tickets.length ? await em.find(TicketPage, { ticketId: { $in: tickets.map((t) => t.id) } }) : [];
    const pageOf = new Map(pages.map((p) => [p.ticketId, { url: p.url, title: p.title ?? null }]));
    const lastSeen = profile?.lastSeenAt ?? null;
    return {
      customer: {
        id: customer.id,
        name: customer.name ?? null,
        email: customer.email ?? null,
        verified: customer.verified,
        attributes: profile?.attributes ?? {},
        context: profile?.context ?? null,
        firstSeenAt: customer.createdAt.toISOString(),
        lastSeenAt: lastSeen ? lastSeen.toISOString() : null,
        online: connected!.yes || (lastSeen !== null && Date.now() - lastSeen.getTime() < ONLINE_WITHIN_MS),
      },
      tickets: tickets.map((t): CustomerTicket => ({ ...ticketToWire(t), openedOn: pageOf.get(t.id) ?? null })),
    };
  }
}
