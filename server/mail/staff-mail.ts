import type { Ticket } from '../../protocol/index.ts';
import type { Database } from '../db/orm.ts';
import { enqueueMail, unsubscribeUrl } from './outbox.ts';
import { customerReplyMail, newTicketMail } from './templates.ts';

/**
 * A new ticket, mailed (inside the ticket's transaction) to every active member who opted in, when
 * no active member is online to see it arrive. Staff mail is in English: members have no locale yet.
 */
export async function queueNewTicketMail(sql: Database['sql'], publicUrl: string, ticket: Ticket): Promise<number> {
  const members = await sql<{ email: string }>(
    `select email from users u where u.active and u.mail_new_tickets
       and not exists (select 1 from users o where o.active and o.status = 'online')`,
  );
  const consoleUrl = `${publicUrl}/console#/tickets/${encodeURIComponent(ticket.id)}`;
  return enqueueMail(sql, publicUrl, members.map((m) => ({
    kind: 'new_ticket', to: m.email, locale: 'en', ticketId: ticket.id,
    render: (unsubscribe) => newTicketMail('en', { customerName: ticket.customer.name ?? null, category: ticket.category, description: ticket.description, consoleUrl }, unsubscribe),
  })));
}

/**
 * The staff mail for customers' replies, as a CTE of the message batch statement over its inserted
 * rows: queued in the transaction that stores the messages, so a crash loses both or neither. For
 * each ticket with a public customer message whose assignee opted in and is not online (a status
 * every instance shares), one `draft` row carrying the first such message's seq; none while one is
 * unsent for the ticket (a burst of replies is one mail; the unique index holds it across instances).
 * Rendering needs JavaScript (templates, the unsubscribe link), so the mail worker renders drafts.
 */
export const customerReplyMailCte = (inserted: string) => `customer_reply_mail as (
  insert into mail_outbox (id, created_at, kind, to_address, locale, subject, text, html, ticket_id, upto_seq, unsubscribe_token, state)
  select gen_random_uuid(), now(), 'customer_reply', u.email, 'en', '', '', '', t.id, r.seq,
    replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', ''), 'draft'
  from (select ticket_id, min(seq) as seq from ${inserted} where author_kind = 'customer' and not internal group by ticket_id) r
  join tickets t on t.id = r.ticket_id join users u on u.id = t.assignee_id
  where t.status <> 'closed' and u.active and u.mail_customer_replies and u.status <> 'online'
    and not exists (select 1 from mail_unsubscribes x where x.address = lower(u.email))
    and not exists (select 1 from mail_outbox o where o.kind = 'customer_reply' and o.ticket_id = t.id and o.state in ('draft', 'pending'))
  on conflict do nothing
)`;

/** Renders the customer-reply drafts into pending mails (the worker then sends them); returns how many. Safe to run on several instances at once. */
export async function renderCustomerReplyDrafts(sql: Database['sql'], publicUrl: string): Promise<number> {
  const drafts = await sql<{ id: string; ticket_id: string; unsubscribe_token: string; category: string; name: string | null; body: string | null }>(
    `select o.id, o.ticket_id, o.unsubscribe_token, t.category, c.name, m.body
     from mail_outbox o join tickets t on t.id = o.ticket_id join customers c on c.id = t.customer_id
     left join messages m on m.ticket_id = o.ticket_id and m.seq = o.upto_seq and not m.internal
     where o.kind = 'customer_reply' and o.state = 'draft' order by o.seq limit 100`,
  );
  let rendered = 0;
  for (const d of drafts) {
    const consoleUrl = `${publicUrl}/console#/tickets/${encodeURIComponent(d.ticket_id)}`;
    const { subject, text, html } = customerReplyMail({ customerName: d.name, category: d.category, body: d.body ?? '', consoleUrl }, unsubscribeUrl(publicUrl, d.unsubscribe_token));
    rendered += (await sql(
      `update mail_outbox set subject = ?, text = ?, html = ?, state = 'pending', next_attempt_at = now() where id = ? and state = 'draft' returning id`,
      [subject, text, html, d.id],
    )).length;
  }
  return rendered;
}
