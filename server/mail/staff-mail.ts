import type { Ticket } from '../../protocol/index.ts';
import type { Database } from '../db/orm.ts';
import { enqueueMail } from './outbox.ts';
import { newTicketMail } from './templates.ts';

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
