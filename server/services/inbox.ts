import type { ChatPage, TicketStatus } from '../../protocol/index.ts';
import type { Database } from '../db/orm.ts';
import type { Actor } from '../domain/index.ts';
import { Ticket } from '../entities/index.ts';
import { badRequest } from '../errors.ts';
import { isUuid } from '../input.ts';
import { messageRowToWire, ticketToWire, type MessageRow } from './serialize.ts';
import { MESSAGE_COLUMNS } from './message-writer.ts';
import { ticketScope } from './ticket-scope.ts';
import type { AttachmentService } from '../attachments/service.ts';

export interface InboxFilter { status?: TicketStatus; label?: string; assignee?: string; cursor?: string; limit: number }

/** Where a page ends: the last row's activity time (as PostgreSQL prints it, microseconds kept) and id. */
type Cursor = [at: string, id: string];

const encode = (c: Cursor): string => Buffer.from(JSON.stringify(c)).toString('base64url');
function decode(s: string): Cursor {
  try {
    const c = JSON.parse(Buffer.from(s, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(c) && c.length === 2 && typeof c[0] === 'string' && !Number.isNaN(Date.parse(c[0])) && typeof c[1] === 'string' && /^[0-9a-f-]{36}$/i.test(c[1])) return c as Cursor;
  } catch {
    // Falls through to the one answer for any cursor this endpoint did not make.
  }
  throw badRequest('cursor is not a cursor from this endpoint');
}

/**
 * The admin conversations inbox: every ticket the actor may see with its last message, newest
 * activity first (the last public message's time, kept in `ticket_activity` by the message writer
 * (migration 0220), or the ticket's own for one without messages), paged by keyset on that table's
 * index so a page never repeats or skips a row while new ones arrive.
 */
export class InboxService {
  private readonly db: Database;
  private readonly attachments: AttachmentService;
  constructor(db: Database, attachments: AttachmentService) {
    this.db = db;
    this.attachments = attachments;
  }

  async page(actor: Actor, f: InboxFilter): Promise<ChatPage> {
    const scope = ticketScope(actor, f);
    const where = [scope.sql];
    const params = [...scope.params];
    if (f.assignee === 'none') where.push('t.assignee_id is null');
    else if (f.assignee) {
      if (!isUuid(f.assignee)) throw badRequest('assignee must be a member id or "none"');
      where.push('t.assignee_id = ?'), params.push(f.assignee.toLowerCase());
    }
    if (f.cursor) {
      const [at, id] = decode(f.cursor);
      where.push('(a.at, a.ticket_id) < (?::timestamptz, ?::uuid)');
      params.push(at, id);
    }
    const cols = MESSAGE_COLUMNS.split(', ').map((c) => `m.${c}`).join(', ');
    const rows = await this.db.sql<MessageRow & { tid: string; at: string; has_message: boolean }>(
      `select t.id as tid, cast(a.at as text) as at, m.id is not null as has_message, ${cols}
       from ticket_activity a join tickets t on t.id = a.ticket_id
       left join messages m on m.ticket_id = t.id and not m.internal and m.seq = t.last_seq
       where ${where.join(' and ')}
       order by a.at desc, a.ticket_id desc limit ?`,
      [...params, f.limit + 1],
    );
    const pageRows = rows.slice(0, f.limit);
    const tickets = pageRows.length ? await this.db.em().find(Ticket, { id: { $in: pageRows.map((r) => r.tid) } }, { populate: ['customer', 'assignee'] }) : [];
    const byId = new Map(tickets.map((t) => [t.id, t]));
    const last = pageRows.at(-1);
    // A last message of files only is previewed by its files ("📎 screenshot.png", attachmentPreview).
    const files = await this.attachments.ofMessages(pageRows.filter((r) => r.has_message && r.body === '').map((r) => r.id));
    return {
      chats: pageRows.flatMap((r) => {
        const t = byId.get(r.tid);
        const message = r.has_message ? messageRowToWire(r) : null;
        if (message && files.has(message.id)) message.attachments = files.get(message.id);
        return t ? [{ ticket: ticketToWire(t), lastMessage: message }] : [];
      }),
      nextCursor: rows.length > f.limit && last ? encode([last.at, last.tid]) : null,
    };
  }
}
