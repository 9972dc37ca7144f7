import type { AskEmail, Attachment, Ticket } from '../../protocol/index.ts';
import type { Database } from '../db/orm.ts';
import { badRequest } from '../errors.ts';
import { mailLocale } from './layout.ts';
import { enqueueMail } from './outbox.ts';
import { queueNewTicketMail } from './staff-mail.ts';
import { transcriptMail } from './templates.ts';

/** What the ticket form may add: the customer's email, and whether they want a transcript on close. */
export interface TicketMailInput { email?: string; transcript?: boolean }

/** The site's `askEmail`: a required email must be given unless the customer already has one. */
export function checkAskEmail(askEmail: AskEmail, given: string | undefined, known: string | null): void {
  if (askEmail === 'required' && !given && !known) throw badRequest('email is required on this site');
}

/** Mail caused by a ticket's lifecycle, queued inside the transaction that records the change. */
export class TicketMail {
  private readonly publicUrl: () => string;
  private files: (messageIds: string[], sql: Database['sql']) => Promise<Map<string, Attachment[]>> = async () => new Map();

  constructor(publicUrl: () => string) {
    this.publicUrl = publicUrl;
  }

  /** Where the transcript gets its files' links from (the attachment service, made after this). */
  useFiles(files: (messageIds: string[], sql: Database['sql']) => Promise<Map<string, Attachment[]>>): void {
    this.files = files;
  }

  /**
   * A new ticket: the form's email (page-supplied, like identify's; it never replaces the email of a
   * verified customer), the transcript wish, and the staff mail when nobody is online.
   */
  async created(sql: Database['sql'], ticket: Ticket, input: TicketMailInput): Promise<void> {
    if (input.email) {
      await sql(`update customers set email = case when verified and email is not null then email else ? end where id = ?`, [input.email, ticket.customer.id]);
    }
    if (input.transcript) await sql(`update tickets set mail_transcript = true where id = ?`, [ticket.id]);
    await queueNewTicketMail(sql, this.publicUrl(), ticket);
  }

  /** A closed ticket: its transcript, when the customer asked or the site mails them all. */
  async closed(sql: Database['sql'], ticket: Ticket): Promise<void> {
    const [row] = await sql<{ email: string | null; name: string | null; locale: string | null; wanted: boolean }>(
      `select c.email, c.name, p.context ->> 'locale' as locale, (t.mail_transcript or s.transcripts) as wanted
       from tickets t join customers c on c.id = t.customer_id join sites s on s.id = t.site_id
       left join customer_profiles p on p.customer_id = c.id where t.id = ?`, [ticket.id],
    );
    if (!row?.email || !row.wanted) return;
    // Public messages only: internal notes never leave the console.
    const messages = await sql<{ id: string; author_kind: string; author_name: string | null; body: string; created_at: Date }>(
      `select m.id, m.author_kind, m.author_name, m.body, m.created_at from messages m where m.ticket_id = ? and not m.internal order by m.seq`, [ticket.id],
    );
    // Each file by name with its link, signed to work as long as a mailed resume link (the customer may still download a closed ticket's files).
    const files = await this.files(messages.map((m) => m.id), sql);
    const base = this.publicUrl();
    const filesOf = (id: string) => (files.get(id) ?? []).map((a) => `📎 ${a.name}: ${base}${a.url}`).join('\n');
    const locale = mailLocale(row.locale);
    const you = locale === 'ar' ? 'أنت' : 'You';
    const support = locale === 'ar' ? 'فريق الدعم' : 'Support';
    const at = (d: Date) => new Date(d).toISOString().slice(0, 16).replace('T', ' ') + ' UTC';
    await enqueueMail(sql, this.publicUrl(), [{
      kind: 'transcript', to: row.email, locale, ticketId: ticket.id,
      render: (unsubscribe) => transcriptMail(locale, {
        category: ticket.category, description: ticket.description, customer: you,
        messages: messages.map((m) => ({ by: m.author_kind === 'customer' ? you : m.author_name ?? support, body: [m.body, filesOf(m.id)].filter(Boolean).join('\n'), at: at(m.created_at) })),
      }, unsubscribe),
    }]);
  }
}
