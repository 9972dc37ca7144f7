import type { Ticket } from '../../protocol/index.ts';
import type { Database } from '../db/orm.ts';
import { enqueueMail } from './outbox.ts';
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
 * Customers' replies (never notes: the caller passes public messages only), mailed to each ticket's
 * assignee when they opted in and are not online (the status is shared by every instance). One
 * pending mail per ticket at a time, so a burst of replies is one mail (with the first reply), not
 * many. One statement for all the tickets of a burst: the writer stores messages in batches, and a
 * query per message here cost more than the batch itself (bench, README "Benchmarks").
 */
export async function queueCustomerReplyMails(sql: Database['sql'], publicUrl: string, replies: readonly { ticketId: string; body: string }[]): Promise<number> {
  const first = new Map<string, string>();
  for (const r of replies) if (!first.has(r.ticketId)) first.set(r.ticketId, r.body);
  if (!first.size) return 0;
  const rows = await sql<{ ticket_id: string; email: string; category: string; name: string | null }>(
    `select t.id as ticket_id, u.email, t.category, c.name from tickets t join users u on u.id = t.assignee_id join customers c on c.id = t.customer_id
     where t.id = any(?::uuid[]) and t.status <> 'closed' and u.active and u.mail_customer_replies and u.status <> 'online'
       and not exists (select 1 from mail_outbox o where o.kind = 'customer_reply' and o.ticket_id = t.id and o.state = 'pending')`, [[...first.keys()]],
  );
  return enqueueMail(sql, publicUrl, rows.map((row) => {
    const consoleUrl = `${publicUrl}/console#/tickets/${encodeURIComponent(row.ticket_id)}`;
    return {
      kind: 'customer_reply', to: row.email, locale: 'en', ticketId: row.ticket_id,
      render: (unsubscribe: string) => customerReplyMail({ customerName: row.name, category: row.category, body: first.get(row.ticket_id)!, consoleUrl }, unsubscribe),
    };
  }));
}
