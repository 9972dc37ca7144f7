import { LIMITS, type Message as WireMessage, type MessagePage } from '../../protocol/index.ts';
import type { Database } from '../db/orm.ts';
import { authorKindOf, type Actor } from '../domain/index.ts';
import { AppError, notFound } from '../errors.ts';
import type { Bus } from '../realtime/bus.ts';
import { messageRowToWire, type MessageRow } from './serialize.ts';
import { MESSAGE_COLUMNS, MessageWriter } from './message-writer.ts';
import type { TicketService } from './tickets.ts';
import { isUuid } from '../input.ts';

const COLUMNS = MESSAGE_COLUMNS;

export interface SendResult { message: WireMessage; duplicate: boolean }

/** Chat messages: sending (through the batching writer), history pages, read positions. */
export class MessageService {
  private readonly db: Database;
  private readonly bus: Bus;
  private readonly tickets: TicketService;
  /** One writer per instance: batches run one after another, so seq order is publish order. */
  private readonly writer: MessageWriter;

  constructor(db: Database, bus: Bus, tickets: TicketService) {
    this.db = db;
    this.bus = bus;
    this.tickets = tickets;
    this.writer = new MessageWriter(db);
  }

  async send(actor: Actor, ticketId: string, clientId: string, body: string): Promise<SendResult> {
    if (!isUuid(ticketId)) throw notFound('ticket');
    // The batch statement judges the send by the rules and answers with the stored row or the reason.
    const stored = await this.writer.write(actor, ticketId, clientId, body);
    if ('refused' in stored) {
      // Only when another instance stored this clientId in the same instant: that row is the answer.
      const dup = stored.refused.reason === 'raced' ? await this.byClientId(ticketId, clientId) : null;
      if (dup) return { message: dup, duplicate: true };
      throw new AppError(stored.refused.code, stored.refused.message);
    }
    const message = messageRowToWire(stored.row);
    if (!stored.duplicate) this.bus.publish({ t: 'message', ticketId, seq: message.seq, message });
    return { message, duplicate: stored.duplicate };
  }

  private async byClientId(ticketId: string, clientId: string): Promise<WireMessage | null> {
    const rows = await this.db.sql<MessageRow>(`select ${COLUMNS} from messages where ticket_id = ? and client_id = ?`, [ticketId, clientId]);
    return rows[0] ? messageRowToWire(rows[0]) : null;
  }

  /** Messages with seq > after, oldest first, at most `limit`. */
  async after(ticketId: string, after: number, limit: number = LIMITS.pageSize): Promise<MessagePage> {
    const rows = await this.db.sql<MessageRow>(
      `select ${COLUMNS} from messages where ticket_id = ? and seq > ? order by seq limit ?`,
      [ticketId, after, limit + 1],
    );
    return { messages: rows.slice(0, limit).map(messageRowToWire), hasMore: rows.length > limit };
  }

  /** The newest `limit` messages before `before`, oldest first (for scrolling back). */
  async before(ticketId: string, before: number, limit: number = LIMITS.pageSize): Promise<MessagePage> {
    const rows = await this.db.sql<MessageRow>(
      `select ${COLUMNS} from messages where ticket_id = ? and seq < ? order by seq desc limit ?`,
      [ticketId, before, limit + 1],
    );
    return { messages: rows.slice(0, limit).reverse().map(messageRowToWire), hasMore: rows.length > limit };
  }

  /** Records how far a participant has read (never backwards) and tells the room. */
  async markRead(actor: Actor, ticketId: string, seq: number): Promise<number> {
    const ticket = await this.tickets.load(actor, ticketId);
    const upto = Math.min(seq, ticket.lastSeq);
    const rows = await this.db.sql<{ seq: number }>(
      `insert into ticket_reads (ticket_id, reader_id, reader_kind, seq, updated_at) values (?, ?, ?, ?, now())
       on conflict (ticket_id, reader_id) do update set seq = greatest(ticket_reads.seq, excluded.seq), updated_at = now()
       returning seq`,
      [ticketId, actor.id, authorKindOf(actor), upto],
    );
    const stored = Number(rows[0]!.seq);
    this.bus.publish({ t: 'read', ticketId, seq: stored, by: { kind: authorKindOf(actor), id: actor.id, name: actor.name } });
    return stored;
  }

  /** The read positions of everyone but `exceptId`, sent to a socket when it joins. */
  async readsOf(ticketId: string, exceptId: string) {
    return this.db.sql<{ reader_id: string; reader_kind: string; seq: number }>(
      'select reader_id, reader_kind, seq from ticket_reads where ticket_id = ? and reader_id <> ?',
      [ticketId, exceptId],
    );
  }
}
