import { randomUUID } from 'node:crypto';
import type { Database } from '../db/orm.ts';
import { authorKindOf, type Actor } from '../domain/index.ts';
import type { MessageRow } from './serialize.ts';

export const MESSAGE_COLUMNS = 'id, ticket_id, seq, client_id, author_kind, author_id, author_name, body, created_at';

interface Pending {
  n: number;
  actor: Actor;
  ticketId: string;
  clientId: string;
  body: string;
  resolve(result: { row: MessageRow; duplicate: boolean } | null): void;
  reject(err: unknown): void;
}

const MAX_BATCH = 256;

/**
 * Stores messages in batches: whatever arrives while one statement runs goes into the next one, so
 * under load one round trip and one commit carry many messages. The statement itself enforces the
 * rules (ticket assigned; author its customer, its assignee, or an admin; clientId not yet stored)
 * and numbers each ticket's messages after locking its row. A request it does not store resolves to
 * null, and the caller finds out why.
 */
export class MessageWriter {
  private readonly db: Database;
  private queue: Pending[] = [];
  private running = false;
  private counter = 0;

  constructor(db: Database) {
    this.db = db;
  }

  write(actor: Actor, ticketId: string, clientId: string, body: string): Promise<{ row: MessageRow; duplicate: boolean } | null> {
    return new Promise((resolve, reject) => {
      this.queue.push({ n: ++this.counter, actor, ticketId, clientId, body, resolve, reject });
      if (this.running) return;
      // Start on the next turn, so every frame already read from the sockets joins the first batch.
      this.running = true;
      setImmediate(() => void this.drain());
    });
  }

  private async drain(): Promise<void> {
    while (this.queue.length) {
      const batch = this.queue.splice(0, MAX_BATCH);
      try {
        const rows = await this.insert(batch);
        const byKey = new Map(rows.map((r) => [`${r.ticket_id}:${r.client_id}`, r]));
        const taken = new Set<string>();
        for (const p of batch) {
          const key = `${p.ticketId}:${p.clientId}`;
          const row = byKey.get(key);
          if (!row) p.resolve(null);
          else {
            // Two sends of one clientId in the same batch: the first stored it, the second is a resend.
            p.resolve({ row, duplicate: taken.has(key) });
            taken.add(key);
          }
        }
      } catch (err) {
        for (const p of batch) p.reject(err);
      }
    }
    this.running = false;
  }

  private insert(batch: Pending[]): Promise<MessageRow[]> {
    const input = batch.map((p) => ({
      n: p.n, id: randomUUID(), ticket_id: p.ticketId, client_id: p.clientId, body: p.body,
      author_kind: authorKindOf(p.actor), author_id: p.actor.id, author_name: p.actor.name,
      site_id: p.actor.kind === 'customer' ? p.actor.siteId : null,
    }));
    return this.db.sql<MessageRow>(
      `with input as (
         select * from jsonb_to_recordset(?::jsonb) as i(n int, id uuid, ticket_id uuid, client_id text, body text,
           author_kind text, author_id uuid, author_name text, site_id uuid)
       ),
       first as (
         select distinct on (ticket_id, client_id) * from input order by ticket_id, client_id, n
       ),
       locked as (
         select id, last_seq, customer_id, site_id, assignee_id from tickets
         where id in (select ticket_id from first) and status = 'assigned' for update
       ),
       allowed as (
         select f.*, l.last_seq from first f join locked l on l.id = f.ticket_id
         where (f.author_kind in ('admin', 'integration')
             or (f.author_kind = 'member' and l.assignee_id = f.author_id)
             or (f.author_kind = 'customer' and l.customer_id = f.author_id and l.site_id = f.site_id))
           and not exists (select 1 from messages m where m.ticket_id = f.ticket_id and m.client_id = f.client_id)
       ),
       numbered as (
         select a.*, a.last_seq + row_number() over (partition by a.ticket_id order by a.n) as seq from allowed a
       ),
       bump as (
         update tickets t set last_seq = c.top,
           first_response_at = case when t.first_response_at is null and c.staff then now() else t.first_response_at end
         from (select ticket_id, max(seq) as top, bool_or(author_kind <> 'customer') as staff from numbered group by ticket_id) c
         where t.id = c.ticket_id
       )
       insert into messages (${MESSAGE_COLUMNS})
       select id, ticket_id, seq, client_id, author_kind, author_id::text, author_name, body, now() from numbered
       on conflict (ticket_id, client_id) do nothing
       returning ${MESSAGE_COLUMNS}`,
      [JSON.stringify(input)],
    );
  }
}
