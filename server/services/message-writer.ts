import { randomUUID } from 'node:crypto';
import { isConnectionError, isDataError } from '../db/connection-errors.ts';
import type { Database } from '../db/orm.ts';
import { ACCESS_REFUSALS, authorKindOf, refusalByReason, sendRefusalSql, ticketColumns, type Actor, type SendRefusal } from '../domain/index.ts';
import { AppError } from '../errors.ts';
import type { MessageRow } from './serialize.ts';
import { messageWebhooksCte } from './webhooks.ts';
import { customerReplyMailCte } from '../mail/staff-mail.ts';

export const MESSAGE_COLUMNS = 'id, ticket_id, seq, client_id, author_kind, author_id, author_name, body, created_at, internal, after_seq';

/** What the statement answers for one request: the stored row (a resend: the row stored before), or why it stored nothing. */
export type WriteResult = { row: MessageRow; duplicate: boolean } | { refused: SendRefusal };

interface Pending {
  n: number;
  actor: Actor;
  ticketId: string;
  clientId: string;
  body: string;
  internal: boolean;
  resolve(result: WriteResult): void;
  reject(err: unknown): void;
}

const MAX_BATCH = 256;
/** While the database is away a batch is retried this long (clients resend unacked messages with the same clientId meanwhile). */
const RETRY_FOR_MS = 30_000;
const RETRY_PAUSE_MS = 250;

/** The batch statement's text is the same for every batch: the rules compile once. */
const STATEMENT = (() => {
  const params: unknown[] = [];
  // Each input row is judged by the same send rules as canSend() (protocol/lifecycle.ts), compiled to SQL.
  const refusal = sendRefusalSql({
    ticket: ticketColumns('l', 'l.require_identity'),
    actor: { kind: { column: 'i.author_kind' }, id: { column: 'i.author_id' }, siteId: { column: 'i.site_id' }, verified: { column: 'i.verified' }, scopes: { column: 'i.scopes' } },
  }, params, 'i.internal');
  if (params.length) throw new Error('the send rules compiled with parameters; the batch statement takes none');
  const access = ACCESS_REFUSALS.map((r) => `'${r}'`).join(', ');
  const columns = MESSAGE_COLUMNS.split(', ');
  return `with input as (
       select * from jsonb_to_recordset(?::jsonb) as i(n int, id uuid, ticket_id uuid, client_id text, body text,
         author_kind text, author_id uuid, author_name text, site_id uuid, verified boolean, scopes text[], internal boolean)
     ),
     locked as (
       select t.id, t.last_seq, t.last_note_seq, t.status, t.customer_id, t.site_id, t.assignee_id, s.require_identity
       from tickets t join sites s on s.id = t.site_id
       -- An array, not "in (select …)": the planner then reads the batch's tickets by key, never every ticket.
       where t.id = any(array(select distinct ticket_id from input)) for update of t
     ),
     judged as (
       select i.*, l.last_seq, l.last_note_seq, m.id as stored_id, m.internal as stored_internal,
         case when l.id is null then 'hidden' else ${refusal} end as refusal
       from input i left join locked l on l.id = i.ticket_id
       -- Lateral with a limit, so each row is looked up by its key: a plain join let the planner hash a scan of every message.
       left join lateral (select id, internal from messages where ticket_id = i.ticket_id and client_id = i.client_id limit 1) m on true
     ),
     fresh as (
       select distinct on (ticket_id, client_id) * from judged
       where refusal is null and stored_id is null order by ticket_id, client_id, n
     ),
     numbered as (
       -- Notes count on their own (last_note_seq), so public seqs stay gapless; a note's after_seq is the public seq it follows.
       select f.*,
         case when f.internal then f.last_note_seq else f.last_seq end + row_number() over (partition by f.ticket_id, f.internal order by f.n) as seq,
         case when f.internal then f.last_seq + count(*) filter (where not f.internal) over (partition by f.ticket_id order by f.n) end as after_seq
       from fresh f
     ),
     tops as (
       select ticket_id, max(seq) filter (where not internal) as top, max(seq) filter (where internal) as note_top,
         coalesce(bool_or(author_kind <> 'customer' and not internal), false) as staff
       from numbered group by ticket_id
     ),
     bump as (
       -- Changes no indexed column of tickets, so the row is updated in place (HOT) and its indexes are untouched.
       update tickets t set last_seq = coalesce(c.top, t.last_seq), last_note_seq = coalesce(c.note_top, t.last_note_seq),
         first_response_at = case when t.first_response_at is null and c.staff then now() else t.first_response_at end
       from tops c where t.id = c.ticket_id
     ),
     activity as (
       -- The inbox's order (migration 0220): the time of the last public message; notes leave it.
       update ticket_activity a set at = now() from tops c where a.ticket_id = c.ticket_id and c.top is not null
     ),
     inserted as (
       insert into messages (${MESSAGE_COLUMNS})
       select id, ticket_id, seq, client_id, author_kind, author_id::text, author_name, body, now(), internal, after_seq from numbered
       on conflict (ticket_id, client_id) do nothing
       returning ${MESSAGE_COLUMNS}
     ),
     ${messageWebhooksCte('(select * from inserted where not internal)')},
     ${customerReplyMailCte('inserted')}
     select j.n,
       case when j.refusal in (${access}) then j.refusal
            -- A clientId already taken by the other kind (a note, or a public message) answers nothing of it.
            when j.stored_internal is distinct from j.internal and j.stored_id is not null then 'client_id_taken'
            when f.n is not null and f.internal <> j.internal then 'client_id_taken'
            when j.stored_id is not null then null
            when j.refusal is not null then j.refusal
            when ins.id is null then 'raced' end as refusal,
       (j.stored_id is not null or f.n <> j.n) as duplicate,
       ${columns.map((c) => `coalesce(ins.${c}, m.${c}) as ${c}`).join(', ')}
     from judged j
     left join fresh f on f.ticket_id = j.ticket_id and f.client_id = j.client_id
     left join inserted ins on ins.ticket_id = j.ticket_id and ins.client_id = j.client_id
     left join lateral (select ${MESSAGE_COLUMNS} from messages where id = j.stored_id limit 1) m on true`;
})();

/** Told of every batch statement that succeeded: its messages and how long it took (for metrics). */
export type BatchObserver = (messages: number, seconds: number) => void;

type Answer = MessageRow & { n: number; refusal: string | null; duplicate: boolean };

/**
 * Stores messages in batches: whatever arrives while one statement runs goes into the next one, so
 * under load one round trip and one commit carry many messages. Raw SQL because the ORM would need a
 * round trip per message: the bench (README, "Benchmarks") shows the batch at 8,230 messages/s for 100
 * pairs on PGlite against 1,552 for one numbered message per statement. The statement enforces the
 * send rules (compiled from protocol/lifecycle.ts), numbers each ticket's messages after locking its
 * row, and answers every request with its stored row or the reason it refused it.
 */
export class MessageWriter {
  private readonly statement: (params: unknown[]) => Promise<Answer[]>;
  private readonly observe: BatchObserver;
  private queue: Pending[] = [];
  private running = false;
  private counter = 0;

  constructor(db: Database, observe: BatchObserver = () => {}) {
    this.statement = db.prepared<Answer>('parley_message_batch', STATEMENT);
    this.observe = observe;
  }

  write(actor: Actor, ticketId: string, clientId: string, body: string, internal = false): Promise<WriteResult> {
    return new Promise((resolve, reject) => {
      this.queue.push({ n: ++this.counter, actor, ticketId, clientId, body, internal, resolve, reject });
      if (this.running) return;
      // Start on the next turn, so every frame already read from the sockets joins the first batch.
      this.running = true;
      setImmediate(() => void this.drain());
    });
  }

  private async drain(): Promise<void> {
    while (this.queue.length) await this.store(this.queue.splice(0, MAX_BATCH), Date.now() + RETRY_FOR_MS);
    this.running = false;
  }

  /**
   * Runs one batch so that no row can take the others down: while the database is away the batch waits
   * and retries (until `deadline`); a statement that fails for a row's content is split in halves until
   * the bad rows stand alone, and only those are refused. Halves run in order, so seq order holds.
   */
  private async store(batch: Pending[], deadline: number): Promise<void> {
    let answers: Answer[];
    try {
      answers = await this.insert(batch);
    } catch (err) {
      if (isConnectionError(err)) {
        if (Date.now() < deadline) {
          await new Promise((r) => setTimeout(r, RETRY_PAUSE_MS));
          return this.store(batch, deadline);
        }
        for (const p of batch) p.reject(new AppError('internal', 'the database is unavailable; send the message again'));
        return;
      }
      if (batch.length > 1) {
        const half = batch.length >> 1;
        await this.store(batch.slice(0, half), deadline);
        await this.store(batch.slice(half), deadline);
        return;
      }
      batch[0]!.reject(isDataError(err) ? new AppError('bad_request', 'the message contains characters that cannot be stored') : err);
      return;
    }
    const byN = new Map(answers.map((a) => [Number(a.n), a]));
    // Answered on the next turn, after the next batch's statement is on its way: the acks and fan-out
    // of this batch then run while the database works on that one, instead of before it is sent.
    // Batches answer in the order they ran, so seq order is still publish order.
    setImmediate(() => {
      for (const p of batch) {
        const a = byN.get(p.n)!;
        if (a.refusal) p.resolve({ refused: refusalByReason.get(a.refusal) ?? (a.refusal === 'client_id_taken' ? TAKEN : RACED) });
        else p.resolve({ row: a, duplicate: a.duplicate });
      }
    });
  }

  private insert(batch: Pending[]): Promise<Answer[]> {
    const input = batch.map((p) => ({
      n: p.n, id: randomUUID(), ticket_id: p.ticketId, client_id: p.clientId, body: p.body,
      author_kind: authorKindOf(p.actor), author_id: p.actor.id, author_name: p.actor.name,
      site_id: p.actor.kind === 'customer' ? p.actor.siteId : null,
      verified: p.actor.kind === 'customer' && p.actor.verified,
      scopes: p.actor.kind === 'integration' ? p.actor.scopes : [],
      internal: p.internal,
    }));
    const started = performance.now();
    return this.statement([JSON.stringify(input)]).then((answers) => {
      this.observe(batch.length, (performance.now() - started) / 1000);
      return answers;
    });
  }
}

/** Another instance stored the same clientId between this statement's snapshot and its insert: the client's resend gets the ack. */
const RACED: SendRefusal = { reason: 'raced', stage: 'state', code: 'invalid_state', message: 'the message was stored meanwhile; send it again', when: { all: [] } };

/** The clientId names a stored message of the other kind (note or public): nothing of it is told. */
const TAKEN: SendRefusal = { reason: 'client_id_taken', stage: 'access', code: 'conflict', message: 'this clientId is taken; send with a new one', when: { all: [] } };
