import type { SearchResult, Ticket as WireTicket, TicketStatus } from '../../protocol/index.ts';
import type { Database } from '../db/orm.ts';
import { HEADLINE_OPTIONS, HEADLINE_TRANSLATE, leadSnippet, parseHeadline, receives, type Actor } from '../domain/index.ts';
import { Ticket } from '../entities/index.ts';
import { isUuid } from '../input.ts';
import { ticketToWire } from './serialize.ts';
import { ticketScope } from './ticket-scope.ts';
import type { TicketService } from './tickets.ts';

export interface SearchFilter { q: string; status?: TicketStatus; label?: string; limit: number }

const EMAIL = /^[^\s@]+@[^\s@]+$/;
/** An attachment's name as text to search: whole, and split at dots, dashes and underscores. */
const ATTACHMENT_VECTOR = "to_tsvector('english', a.name || ' ' || translate(a.name, '._-', '   '))";

/**
 * Search over tickets the actor may see (the ticket list's rule, compiled to SQL): exact ticket id
 * and customer email first, then full-text hits in descriptions, messages and notes, ranked, each with a snippet of its best-matching text.
 */
export class SearchService {
  private readonly db: Database;
  private readonly tickets: TicketService;
  constructor(db: Database, tickets: TicketService) {
    this.db = db;
    this.tickets = tickets;
  }

  async search(actor: Actor, f: SearchFilter): Promise<SearchResult[]> {
    const exact = await this.exact(actor, f);
    const text = await this.fullText(actor, f, exact.map((e) => e.id));
    const hits = [...exact, ...text].slice(0, f.limit);
    const loaded = await this.load(actor, hits.map((h) => h.id));
    return hits.flatMap((h): SearchResult[] => {
      const ticket = loaded.get(h.id);
      if (!ticket) return [];
      if (h.match !== 'text') return [{ ticket, snippet: leadSnippet(ticket.description), highlights: [], match: h.match }];
      return [{ ticket, ...parseHeadline(h.headline), match: 'text' as const, ...(h.internal ? { internal: true } : {}) }];
    });
  }

  /** A ticket id, or every ticket of customers with this email. */
  private async exact(actor: Actor, f: SearchFilter): Promise<{ id: string; match: 'id' | 'email' }[]> {
    const scope = ticketScope(actor, f);
    if (isUuid(f.q)) {
      const rows = await this.db.sql<{ id: string }>(`select t.id from tickets t where t.id = ? and ${scope.sql}`, [f.q.toLowerCase(), ...scope.params]);
      return rows.map((r) => ({ id: r.id, match: 'id' }));
    }
    if (!EMAIL.test(f.q)) return [];
    const rows = await this.db.sql<{ id: string }>(
      `select t.id from tickets t join customers c on c.id = t.customer_id
       where lower(c.email) = lower(?) and ${scope.sql} order by t.created_at desc, t.id limit ?`,
      [f.q, ...scope.params, f.limit],
    );
    return rows.map((r) => ({ id: r.id, match: 'email' }));
  }

  /**
   * websearch_to_tsquery reads any text (quotes, operators, punctuation) without a syntax error; text
   * of stop words only makes an empty query, which matches nothing.
   */
  private async fullText(actor: Actor, f: SearchFilter, skip: string[]): Promise<{ id: string; match: 'text'; headline: string; internal: boolean }[]> {
    const scope = ticketScope(actor, f);
    // Notes are searched by whoever reads them in the timeline (the delivery rule); visibility of the ticket is the scope.
    const notes = receives(actor, { type: 'note' }) ? '' : 'and not m.internal';
    const skipSql = skip.length ? `and t.id not in (${skip.map(() => '?').join(',')})` : '';
    const rows = await this.db.sql<{ id: string; headline: string; internal: boolean }>(
      `with q as (select websearch_to_tsquery('english', ?) as query),
       hits as (
         select t.id as ticket_id, ts_rank(t.search_vector, q.query) as rank, t.description as body, t.created_at as at, false as internal
           from tickets t, q where t.search_vector @@ q.query and ${scope.sql} ${skipSql}
         union all
         select m.ticket_id, ts_rank(m.search_vector, q.query), m.body, m.created_at, m.internal
           from messages m join tickets t on t.id = m.ticket_id, q where m.search_vector @@ q.query ${notes} and ${scope.sql} ${skipSql}
         union all
         -- Sent files by name, whole ("screenshot.png") or by its parts ("screenshot").
         select a.ticket_id, ts_rank(${ATTACHMENT_VECTOR}, q.query), '📎 ' || a.name, a.created_at, false
           from attachments a join tickets t on t.id = a.ticket_id, q where a.message_id is not null and ${ATTACHMENT_VECTOR} @@ q.query and ${scope.sql} ${skipSql}
       ),
       best as (select distinct on (ticket_id) ticket_id, rank, body, internal from hits order by ticket_id, rank desc, at desc),
       top as (select b.ticket_id, b.rank, b.body, b.internal, t.created_at from best b join tickets t on t.id = b.ticket_id order by b.rank desc, t.created_at desc, t.id limit ?)
       select top.ticket_id as id, top.internal, ts_headline('english', translate(top.body, ?, ?), q.query, ?) as headline
         from top, q order by top.rank desc, top.created_at desc, top.ticket_id`,
      [f.q, ...scope.params, ...skip, ...scope.params, ...skip, ...scope.params, ...skip, f.limit, HEADLINE_TRANSLATE.from, HEADLINE_TRANSLATE.to, HEADLINE_OPTIONS],
    );
    return rows.map((r) => ({ id: r.id, match: 'text', headline: r.headline, internal: r.internal === true }));
  }

  private async load(actor: Actor, ids: string[]): Promise<Map<string, WireTicket>> {
    if (!ids.length) return new Map();
    const tickets = await this.db.em().find(Ticket, { id: { $in: ids } }, { populate: ['customer', 'assignee'] });
    const reads = await this.tickets.readPositions(actor.id, ids);
    return new Map(tickets.map((t) => [t.id, ticketToWire(t, reads.get(t.id) ?? 0)]));
  }
}
