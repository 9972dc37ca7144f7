import type { Ticket as WireTicket } from '../../protocol/index.ts';
import type { Database } from '../db/orm.ts';
import { authorKindOf, canHandOver, isStaff, transferRefusal, type Actor } from '../domain/index.ts';
import { AppError, forbidden } from '../errors.ts';
import type { Bus } from '../realtime/bus.ts';
import { ROUTING_LOCK } from './routing.ts';
import { enqueueTicketWebhooks } from './webhooks.ts';
import type { TicketService } from './tickets.ts';

interface TargetRow { name: string; active: boolean; capacity: number; load: number }

/**
 * Hand-overs: the assignee (or an admin) transfers an assigned ticket to another member, or releases
 * it to the open queue (assigned → open). Each is recorded, broadcast as `ticket_updated`, and frees
 * the previous assignee's capacity, which kicks routing (it listens for every local ticket event).
 */
export class AssignmentService {
  private readonly db: Database;
  private readonly bus: Bus;
  private readonly tickets: TicketService;
  constructor(db: Database, bus: Bus, tickets: TicketService) {
    this.db = db;
    this.bus = bus;
    this.tickets = tickets;
  }

  /** Transfers the ticket to `userId`, or releases it when `userId` is null. */
  async assign(actor: Actor, ticketId: string, userId: string | null): Promise<WireTicket> {
    if (!isStaff(actor)) throw forbidden('only the assignee or an admin can transfer or release a ticket');
    const current = await this.tickets.load(actor, ticketId);
    const verb = userId === null ? 'release' : 'transfer';
    const verdict = canHandOver(actor, await this.tickets.facts(current), verb);
    if (!verdict.ok) throw new AppError(verdict.code, verdict.message);
    const previous = current.assignee?.id ?? null;
    // Asking again for what is already so (a retried request) changes nothing.
    if (userId === previous) return (await this.tickets.wire(current.id))!;

    await this.db.transaction(async (sql) => {
      // With routing's lock held, no round (and no other transfer) can fill the target meanwhile.
      await sql(`select pg_advisory_xact_lock(?)`, [ROUTING_LOCK]);
      const [row] = await sql<{ status: string; assignee_id: string | null }>(`select status, assignee_id from tickets where id = ? for update`, [current.id]);
      // Another hand-over, a close or a release won the race: say so rather than undo it.
      if (row?.status !== 'assigned' || row.assignee_id !== previous) throw new AppError('invalid_state', 'the ticket changed meanwhile; reload it');
      let reason: string | null = null;
      if (userId) {
        const [target] = await sql<TargetRow>(
          `select name, active, capacity,
             (select count(*)::int from tickets x where x.assignee_id = u.id and x.status = 'assigned') as load
           from users u where id = ?`,
          [userId],
        );
        const refusal = transferRefusal(target ?? null);
        if (refusal) throw new AppError(refusal.code, refusal.message);
        reason = `to ${target!.name}`;
        await sql(`update tickets set assignee_id = ?, accepted_at = now() where id = ?`, [userId, current.id]);
        // The new assignee just got a ticket: routing serves the others first, as after any assignment.
        await sql(`update users set last_assigned_at = now() where id = ?`, [userId]);
      } else {
        await sql(`update tickets set status = 'open', assignee_id = null, accepted_at = null where id = ?`, [current.id]);
        // The member who let it go counts as just assigned, so on an auto site routing offers it to someone else first.
        if (previous) await sql(`update users set last_assigned_at = now() where id = ?`, [previous]);
      }
      await sql(
        `insert into ticket_events (id, created_at, ticket_id, action, from_status, to_status, actor_kind, actor_id, actor_name, reason)
         values (gen_random_uuid(), now(), ?, ?, 'assigned', ?, ?, ?, ?, ?)`,
        [current.id, verb, userId ? 'assigned' : 'open', authorKindOf(actor), actor.id, actor.name, reason],
      );
      // Told to webhooks as ticket.updated, committed with the hand-over (as updateTicket does for the ORM path).
      await enqueueTicketWebhooks(sql, 'ticket.updated', [current.id]);
    });
    const wire = (await this.tickets.wire(current.id))!;
    this.bus.publish({ t: 'ticket', type: 'ticket_updated', ticketId: wire.id, customerId: wire.customer.id, ticket: wire, previousAssigneeId: previous ?? undefined });
    return wire;
  }
}
