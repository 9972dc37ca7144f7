import type { Identity } from '../../protocol/index.ts';
import type { Database } from '../db/orm.ts';
import { originAllowed, verifyIdentity, type Actor } from '../domain/index.ts';
import { Customer, Site, VisitorToken } from '../entities/index.ts';
import { AppError, forbidden, notFound } from '../errors.ts';
import type { Bus } from '../realtime/bus.ts';
import type { SiteService } from './sites.ts';
import type { Limits } from './rate-limit.ts';
import { newToken, tokenId } from './tokens.ts';

export type CustomerActor = Extract<Actor, { kind: 'customer' }>;

export interface VisitorResult { token: string; customer: Customer; site: Site; ticketId?: string }

/**
 * Widget sessions: an anonymous visitor per browser, or a customer the site owner vouched for with an
 * HMAC of their id. Identifying moves the anonymous visitor's tickets to the verified customer.
 */
export class VisitorService {
  private readonly db: Database;
  private readonly sites: SiteService;
  /** New anonymous visitors per address and minute: a flood of them would only fill the database. */
  private readonly limits: Limits;
  private readonly bus: Bus;
  constructor(db: Database, sites: SiteService, bus: Bus, limits: Limits) {
    this.db = db;
    this.sites = sites;
    this.bus = bus;
    this.limits = limits;
  }

  async session(input: { siteKey: string; visitorToken?: string; identity?: Identity; resumeToken?: string }, origin: string | undefined, address: string): Promise<VisitorResult> {
    const site = await this.sites.byPublicKey(input.siteKey);
    if (!site) throw notFound('site');
    if (!originAllowed(origin, site.origins)) throw forbidden('this origin is not allowed for the site');
    if (input.resumeToken) return this.resume(site, input.resumeToken, input.visitorToken);
    const em = this.db.em();
    const current = input.visitorToken ? await this.lookup(input.visitorToken) : null;
    const mine = current && current.customer.site.id === site.id ? current : null;
    // A resume link's token may not identify (that would move the customer's tickets) nor stand for a whole visitor.
    if (mine?.ticketId && input.identity) throw forbidden('a resume link opens one ticket; it cannot sign in');
    if (mine?.ticketId) return { token: input.visitorToken!, customer: mine.customer, site, ticketId: mine.ticketId };

    if (!input.identity) {
      if (mine) return { token: input.visitorToken!, customer: mine.customer, site };
      await this.limits.newVisitorsPerAddress.hit(address, 'too many new visitors from this address');
      const customer = em.create(Customer, { site: site.id, verified: false });
      const token = newToken();
      em.create(VisitorToken, { id: tokenId(token), customer });
      await em.flush();
      return { token, customer, site };
    }

    const identity = input.identity;
    const verdict = verifyIdentity(site.secret, identity, Math.floor(Date.now() / 1000));
    if (!verdict.ok) throw new AppError('unauthorized', verdict.message);
    const verified = await this.upsertVerified(site, identity);
    if (mine && mine.customer.id === verified.id) return { token: input.visitorToken!, customer: verified, site };
    // The browser's old credential ends here, and so do its open sockets, on every instance.
    if (mine && !mine.customer.verified) await this.merge(mine.customer.id, verified.id);
    else if (mine) await this.retire(input.visitorToken!);
    const token = newToken();
    await em.insert(VisitorToken, { id: tokenId(token), customer: verified.id, createdAt: new Date() });
    return { token, customer: verified, site };
  }

  /**
   * A resume link: a fresh visitor token for the link's customer that reaches the link's ticket only.
   * The link works until it expires (7 days), in any browser; a wrong, expired or other site's token is 401.
   * In the customer's own browser (`visitorToken` of the same customer, not itself a link's) that token stays.
   */
  private async resume(site: Site, resumeToken: string, visitorToken?: string): Promise<VisitorResult> {
    const [row] = await this.db.sql<{ ticket_id: string; customer_id: string }>(
      `select r.ticket_id, t.customer_id from resume_tokens r join tickets t on t.id = r.ticket_id
       where r.id = ? and r.expires_at > now() and t.site_id = ?`, [tokenId(resumeToken), site.id],
    );
    if (!row) throw new AppError('unauthorized', 'this link is not valid any more');
    // The customer's own browser keeps its full session (all their conversations); only the ticket opens.
    const current = visitorToken ? await this.lookup(visitorToken) : null;
    if (current && !current.ticketId && current.customer.id === row.customer_id) return { token: visitorToken!, customer: current.customer, site, ticketId: row.ticket_id };
    const token = newToken();
    await this.db.sql(`insert into visitor_tokens (id, customer_id, created_at, ticket_id) values (?, ?, now(), ?)`, [tokenId(token), row.customer_id, row.ticket_id]);
    const customer = (await this.db.em().findOne(Customer, { id: row.customer_id }))!;
    return { token, customer, site, ticketId: row.ticket_id };
  }

  /** Ends one visitor token (the widget's reset, or a token replaced by another identity) and closes its sockets (4001). */
  async retire(token: string): Promise<void> {
    const id = tokenId(token);
    await this.db.em().nativeDelete(VisitorToken, { id });
    this.bus.publish({ t: 'revoke', tokenId: id });
  }

  /** Resolves a Bearer visitor token to its customer actor, or null. */
  async resolve(token: string | undefined): Promise<CustomerActor | null> {
    if (!token || token.length > 128) return null;
    // Every socket `auth` and Bearer request comes here: one indexed join, no entity hydration.
    const [row] = await this.db.sql<{ id: string; name: string | null; site_id: string; verified: boolean; ticket_id: string | null }>(
      'select c.id, c.name, c.site_id, c.verified, v.ticket_id from visitor_tokens v join customers c on c.id = v.customer_id where v.id = ?',
      [tokenId(token)],
    );
    if (!row) return null;
    const actor: CustomerActor = { kind: 'customer', id: row.id, name: row.name, siteId: row.site_id, verified: row.verified };
    return row.ticket_id ? { ...actor, onlyTicket: row.ticket_id } : actor;
  }

  private lookup(token: string): Promise<VisitorToken | null> {
    return this.db.em().findOne(VisitorToken, { id: tokenId(token) }, { populate: ['customer'] });
  }

  /** Insert-or-update on (site, externalId), so concurrent first contacts share one customer. */
  private async upsertVerified(site: Site, identity: Identity): Promise<Customer> {
    const rows = await this.db.sql<{ id: string }>(
      `insert into customers (id, created_at, site_id, external_id, email, name, verified)
       values (gen_random_uuid(), now(), ?, ?, ?, ?, true)
       on conflict (site_id, external_id) do update set
         email = coalesce(excluded.email, customers.email), name = coalesce(excluded.name, customers.name)
       returning id`,
      [site.id, identity.id, identity.email ?? null, identity.name ?? null],
    );
    return (await this.db.em().findOne(Customer, { id: rows[0]!.id }))!;
  }

  /** Moves an anonymous visitor's tickets and messages to the verified customer, and retires its tokens. */
  private async merge(fromId: string, toId: string): Promise<void> {
    // One statement, so it is all or nothing.
    await this.db.sql(
      `with t as (update tickets set customer_id = ? where customer_id = ? returning 1),
            m as (update messages set author_id = ? where author_kind = 'customer' and author_id = ? returning 1)
       delete from visitor_tokens where customer_id = ?`,
      [toId, fromId, toId, fromId, fromId],
    );
    // The anonymous visitor's tokens are gone: its sockets close too (4001).
    this.bus.publish({ t: 'revoke', customerId: fromId });
  }
}
