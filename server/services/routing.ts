import type { Database } from '../db/orm.ts';
import { planAssignments, queuePositions, type Candidate, type TeamRoute, type WaitingTicket } from '../domain/index.ts';
import type { Bus } from '../realtime/bus.ts';
import type { TicketService } from './tickets.ts';
import { enqueueTicketWebhooks } from './webhooks.ts';

type Sql = Database['sql'];

/** Every routing decision (and every transfer), on every instance, holds this transaction-scoped advisory lock. */
export const ROUTING_LOCK = 7_480_014;
/** A sweep now and then catches anything a crash between commit and kick left waiting. */
const SWEEP_MS = 15_000;
const WAITING_MAX = 1000;
/** Queue entries per bus event, so a NOTIFY stays well under PostgreSQL's 8,000 bytes. */
const QUEUE_CHUNK = 40;

interface WaitingRow { id: string; category: string; created_at: Date | string; customer_id: string }
interface Waiting extends WaitingTicket { customerId: string }

/** The tickets waiting on auto-routed sites, oldest first, and the teams, as routing sees them. */
export async function readQueue(sql: Sql): Promise<{ waiting: Waiting[]; teams: TeamRoute[] }> {
  const rows = await sql<WaitingRow>(
    `select t.id, t.category, t.created_at, t.customer_id from tickets t join sites s on s.id = t.site_id
     where t.status = 'open' and s.routing = 'auto' order by t.created_at, t.id limit ${WAITING_MAX}`,
  );
  const teams = await sql<{ id: string; member_ids: string[]; categories: string[] }>(
    `select t.id,
       coalesce((select json_agg(m.user_id) from team_members m where m.team_id = t.id), '[]'::json) as member_ids,
       coalesce((select json_agg(c.category) from team_categories c where c.team_id = t.id), '[]'::json) as categories
     from teams t order by t.created_at, t.id`,
  );
  return {
    waiting: rows.map((r) => ({ id: r.id, category: r.category, createdAt: new Date(r.created_at).getTime(), customerId: r.customer_id })),
    teams: teams.map((t) => ({ id: t.id, memberIds: t.member_ids, categories: t.categories })),
  };
}

/**
 * The assigner. A round runs in one transaction that first takes a global advisory lock (so two
 * instances never decide at once), then re-counts every online member's load inside it, plans with
 * the pure rule (domain/routing.ts) and applies the plan with updates conditional on the ticket
 * still being open (a manual accept meanwhile wins; the round just skips that ticket). Rounds are
 * kicked by whatever may free a member or add work: a new ticket, a close, a release or transfer,
 * a status or capacity change, a team or site change; plus a periodic sweep.
 */
export class RoutingService {
  private readonly db: Database;
  private readonly bus: Bus;
  private readonly tickets: TicketService;
  private readonly onError: (err: unknown) => void;
  private running: Promise<void> | null = null;
  private again = false;
  private closed = false;
  private anyAuto = false;
  private readonly sweep: NodeJS.Timeout;
  private readonly unsubscribe: () => void;
  /** Positions last told to customers (per instance; telling one twice is harmless). */
  private told = new Map<string, number>();

  constructor(db: Database, bus: Bus, tickets: TicketService, onError: (err: unknown) => void) {
    this.db = db;
    this.bus = bus;
    this.tickets = tickets;
    this.onError = onError;
    this.unsubscribe = bus.subscribe((e, local) => {
      if (e.t === 'sites') void this.refreshMode().then(() => local && this.kick(), onError);
      if (e.t !== 'ticket' || !local || e.auto) return;
      if (e.type === 'ticket_accepted' && e.ticket?.assignee) void this.noteManualAccept(e.ticket.assignee.id).catch(onError);
      this.kick();
    });
    this.sweep = setInterval(() => this.kick(), SWEEP_MS).unref();
    void this.refreshMode().catch(onError);
  }

  /** Schedules a round (coalesced: kicks during a round run one more round after it). */
  kick(): void {
    if (this.closed) return;
    this.again = true;
    this.running ??= this.loop().finally(() => (this.running = null));
  }

  private async loop(): Promise<void> {
    await null; // kicks made in the same turn share one round
    while (this.again && !this.closed) {
      this.again = false;
      try {
        if (this.anyAuto) await this.round();
      } catch (err) {
        if (!this.closed) this.onError(err);
      }
    }
  }

  /** Resolves when no round is running or scheduled (tests, shutdown). */
  async settled(): Promise<void> {
    while (this.running) await this.running;
  }

  /** The ticket's place among those waiting for the same team; null when it does not wait. */
  async position(ticketId: string): Promise<number | null> {
    const { waiting, teams } = await readQueue(this.db.sql);
    return queuePositions(waiting, teams).get(ticketId) ?? null;
  }

  private async refreshMode(): Promise<void> {
    const [row] = await this.db.sql<{ auto: boolean }>(`select exists (select 1 from sites where routing = 'auto') as auto`);
    this.anyAuto = Boolean(row?.auto);
  }

  /** A member who takes a ticket by hand counts as just assigned, so routing serves the others first. */
  private async noteManualAccept(memberId: string): Promise<void> {
    await this.db.sql(`update users set last_assigned_at = now() where id = ?`, [memberId]);
  }

  private async round(): Promise<void> {
    const { assigned, waiting, teams, full } = await this.db.transaction(async (sql) => {
      await sql(`select pg_advisory_xact_lock(?)`, [ROUTING_LOCK]);
      const queue = await readQueue(sql);
      if (!queue.waiting.length) return { assigned: [] as string[], ...queue, full: false };
      const members = await sql<{ id: string; name: string; capacity: number; last_assigned_at: Date | string | null; load: number }>(
        `select u.id, u.name, u.capacity, u.last_assigned_at,
           (select count(*)::int from tickets x where x.assignee_id = u.id and x.status = 'assigned') as load
         from users u where u.active and u.status = 'online'`,
      );
      const candidates: Candidate[] = members.map((m) => ({
        id: m.id, status: 'online', capacity: m.capacity, load: m.load, lastAssignedAt: m.last_assigned_at ? new Date(m.last_assigned_at).getTime() : null,
      }));
      const now = Date.now();
      const plan = planAssignments(queue.waiting, candidates, queue.teams, now);
      if (!plan.assignments.length) return { assigned: [], ...queue, full: false };
      const names = new Map(members.map((m) => [m.id, m.name]));
      const input = plan.assignments.map((a, i) => ({
        ticket_id: a.ticketId, member_id: a.memberId, at: new Date(now + i).toISOString(), reason: `auto-assigned to ${names.get(a.memberId)}`,
      }));
      const done = await sql<{ id: string }>(
        `with plan as (
           select * from jsonb_to_recordset(?::jsonb) as p(ticket_id uuid, member_id uuid, at timestamptz, reason text)
         ),
         upd as (
           update tickets t set status = 'assigned', assignee_id = p.member_id, accepted_at = now()
           from plan p where t.id = p.ticket_id and t.status = 'open' returning t.id
         ),
         ev as (
           insert into ticket_events (id, created_at, ticket_id, action, from_status, to_status, actor_kind, actor_id, actor_name, reason)
           select gen_random_uuid(), now(), p.ticket_id, 'accept', 'open', 'assigned', 'system', 'routing', 'Routing', p.reason
           from plan p join upd on upd.id = p.ticket_id
         ),
         who as (
           update users u set last_assigned_at = w.at
           from (select p.member_id, max(p.at) as at from plan p join upd on upd.id = p.ticket_id group by p.member_id) w
           where u.id = w.member_id
         )
         select id from upd`,
        [JSON.stringify(input)],
      );
      await enqueueTicketWebhooks(sql, 'ticket.accepted', done.map((d) => d.id));
      const ids = new Set(done.map((d) => d.id));
      // A ticket taken by hand meanwhile left its planned member's slot unused: plan again.
      if (ids.size < plan.assignments.length) this.again = true;
      return { assigned: [...ids], waiting: queue.waiting.filter((t) => !ids.has(t.id)), teams: queue.teams, full: queue.waiting.length >= WAITING_MAX };
    });
    if (full && assigned.length) this.again = true;
    for (const id of assigned) {
      const ticket = await this.tickets.wire(id);
      if (ticket) this.bus.publish({ t: 'ticket', type: 'ticket_accepted', auto: true, ticketId: id, customerId: ticket.customer.id, ticket });
    }
    this.tellPositions(waiting as Waiting[], teams);
  }

  /** Tells each waiting customer their place when it changed. */
  private tellPositions(waiting: Waiting[], teams: TeamRoute[]): void {
    const positions = queuePositions(waiting, teams);
    const changed: { ticketId: string; customerId: string; position: number }[] = [];
    for (const t of waiting) {
      const position = positions.get(t.id)!;
      if (this.told.get(t.id) !== position) changed.push({ ticketId: t.id, customerId: t.customerId, position });
    }
    this.told = positions;
    for (let i = 0; i < changed.length; i += QUEUE_CHUNK) this.bus.publish({ t: 'queue', entries: changed.slice(i, i + QUEUE_CHUNK) });
  }

  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.sweep);
    this.unsubscribe();
    await this.settled();
  }
}
