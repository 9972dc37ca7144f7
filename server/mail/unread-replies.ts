import type { Database } from '../db/orm.ts';
import { unreadReplyMailDue } from '../domain/unread-reply.ts';
import { customerConnectedSql } from '../realtime/customer-presence.ts';
import { mailLocale } from './layout.ts';
import { enqueueMail } from './outbox.ts';
import { resumeLink } from './resume-link.ts';
import { unreadReplyMail } from './templates.ts';

interface Candidate {
  ticket_id: string;
  customer_id: string;
  email: string;
  locale: string | null;
  page_url: string | null;
  read_seq: number;
  oldest_at: Date;
  upto_seq: number;
  last_mail_at: Date | null;
}

// Internal notes are never mailed (and are numbered apart, so public seqs compare with read positions).
const PUBLIC = 'not m.internal';

/**
 * Finds staff replies their customer has not read (server/domain/unread-reply.ts decides when one is
 * due) and queues the mail with those messages. Looks only at replies of the last day, so a sweep
 * stays cheap; the mail worker runs it before each claim.
 */
export class UnreadReplyMailer {
  private readonly db: Database;
  private readonly afterMs: number;
  private connected: (customerId: string) => boolean = () => false;

  constructor(db: Database, afterMs: number) {
    this.db = db;
    this.afterMs = afterMs;
  }

  /**
   * Whether a socket of this customer is open on this instance (set by start.ts from the hub). The sweep's
   * SQL asks customer_connections for every instance; this covers the moment before a new socket's row is written.
   */
  useSocketCheck(check: (customerId: string) => boolean): void {
    this.connected = check;
  }

  /** Queues every due mail; returns how many. */
  async sweep(publicUrl: string): Promise<number> {
    const candidates = await this.db.sql<Candidate>(
      `with mailed as (select ticket_id, max(upto_seq) as seq, max(created_at) as at from mail_outbox where kind = 'unread_reply' group by ticket_id)
       select t.id as ticket_id, c.id as customer_id, c.email, p.context ->> 'locale' as locale, tp.url as page_url,
              coalesce(r.seq, 0) as read_seq, min(m.created_at) as oldest_at, max(m.seq) as upto_seq, ml.at as last_mail_at
       from messages m
       join tickets t on t.id = m.ticket_id
       join customers c on c.id = t.customer_id
       left join ticket_reads r on r.ticket_id = t.id and r.reader_id = c.id
       left join mailed ml on ml.ticket_id = t.id
       left join customer_profiles p on p.customer_id = c.id
       left join ticket_pages tp on tp.ticket_id = t.id
       where m.created_at > now() - interval '1 day' and m.author_kind in ('member', 'admin') and ${PUBLIC}
         and m.seq > greatest(coalesce(r.seq, 0), coalesce(ml.seq, 0))
         and c.email is not null
         and not ${customerConnectedSql('c.id')}
         and not exists (select 1 from mail_unsubscribes u where u.address = lower(c.email))
       group by t.id, c.id, c.email, p.context, tp.url, r.seq, ml.at`,
    );
    const now = new Date();
    let queued = 0;
    for (const c of candidates) {
      const facts = { oldestUnmailedUnreadAt: new Date(c.oldest_at), customerConnected: this.connected(c.customer_id), lastMailAt: c.last_mail_at && new Date(c.last_mail_at) };
      if (unreadReplyMailDue(facts, now, this.afterMs)) queued += await this.queue(c, publicUrl);
    }
    return queued;
  }

  private async queue(c: Candidate, publicUrl: string): Promise<number> {
    return this.db.transaction(async (sql) => {
      // Every public message the customer has not read, up to the newest this mail covers.
      const messages = await sql<{ author_name: string | null; author_kind: string; body: string }>(
        `select m.author_name, m.author_kind, m.body from messages m
         where m.ticket_id = ? and m.seq > ? and m.seq <= ? and m.author_kind <> 'customer' and ${PUBLIC} order by m.seq`,
        [c.ticket_id, Number(c.read_seq), Number(c.upto_seq)],
      );
      const locale = mailLocale(c.locale);
      const resumeUrl = c.page_url ? await resumeLink(sql, c.page_url, c.ticket_id) : null;
      const support = locale === 'ar' ? 'فريق الدعم' : 'Support';
      return enqueueMail(sql, publicUrl, [{
        kind: 'unread_reply', to: c.email, locale, ticketId: c.ticket_id, uptoSeq: Number(c.upto_seq),
        render: (unsubscribe) => unreadReplyMail(locale, {
          messages: messages.map((m) => ({ by: m.author_name ?? support, body: m.body })), resumeUrl,
        }, unsubscribe),
      }]);
    });
  }
}
