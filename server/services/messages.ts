import { LIMITS, MENTION_EXCERPT, mentionedIn, timelineOrder, type Mentionable, type Message as WireMessage, type MessagePage } from '../../protocol/index.ts';
import type { Database } from '../db/orm.ts';
import { authorKindOf, type Actor } from '../domain/index.ts';
import { AppError, badRequest, notFound } from '../errors.ts';
import type { Bus } from '../realtime/bus.ts';
import { messageRowToWire } from './serialize.ts';
import { MessageRepository } from './message-repository.ts';
import { MessageWriter, type BatchObserver } from './message-writer.ts';
import type { TicketService } from './tickets.ts';
import { isUuid } from '../input.ts';
import type { AttachmentService } from '../attachments/service.ts';


export interface SendResult { message: WireMessage; duplicate: boolean }

/** Chat messages: sending (through the batching writer), history pages, read positions. */
export class MessageService {
  private readonly db: Database;
  private readonly bus: Bus;
  private readonly tickets: TicketService;
  /** One writer per instance: batches run one after another, so seq order is publish order. */
  private readonly writer: MessageWriter;
  /** Every read of stored messages. */
  private readonly repo: MessageRepository;

  private readonly attachments: AttachmentService;
  /** Follow-up work of sends (mentions) that the sender's ack does not wait for. */
  private readonly followUps = new Set<Promise<void>>();

  constructor(db: Database, bus: Bus, tickets: TicketService, attachments: AttachmentService, observeBatch?: BatchObserver) {
    this.db = db;
    this.attachments = attachments;
    this.bus = bus;
    this.tickets = tickets;
    this.writer = new MessageWriter(db, observeBatch);
    this.repo = new MessageRepository(db);
  }

  /** Stores a message, or with `internal` a staff-only note (the writer judges it by the note rules). */
  async send(actor: Actor, ticketId: string, clientId: string, body: string, internal = false, attachmentIds: readonly string[] = []): Promise<SendResult> {
    if (!isUuid(ticketId)) throw notFound('ticket');
    if (body === '' && !attachmentIds.length) throw badRequest('body must be a non-empty string');
    // Notes carry no files: a customer could otherwise reach a note's file through its URL somewhere.
    if (internal && attachmentIds.length) throw badRequest('internal notes cannot carry attachments');
    if (attachmentIds.length) await this.attachments.claim(actor, ticketId, clientId, attachmentIds);
    // The batch statement judges the send by the rules and answers with the stored row or the reason.
    const stored = await this.writer.write(actor, ticketId, clientId, body, internal);
    if ('refused' in stored) {
      if (attachmentIds.length) await this.attachments.release(ticketId, clientId);
      // Only when another instance stored this clientId in the same instant: that row is the answer.
      const dup = stored.refused.reason === 'raced' ? await this.byClientId(ticketId, clientId, internal) : null;
      if (dup) return { message: dup, duplicate: true };
      throw new AppError(stored.refused.code, stored.refused.message);
    }
    if (attachmentIds.length) await this.attachments.link(ticketId, clientId, stored.row.id);
    let message = messageRowToWire(stored.row);
    if (attachmentIds.length || stored.duplicate) [message] = await this.withFiles([message]) as [WireMessage];
    if (!stored.duplicate) {
      this.bus.publish(internal ? { t: 'message', ticketId, seq: message.seq, internal: true, message } : { t: 'message', ticketId, seq: message.seq, message });
      // (The assignee's mail for a customer's reply was queued by the batch statement itself: server/mail/staff-mail.ts.)
      if (internal) this.followUp(this.tellMentioned(message));
    }
    return { message, duplicate: stored.duplicate };
  }

  private followUp(work: Promise<unknown>): void {
    const p = work.then(() => {}, () => {}).finally(() => this.followUps.delete(p));
    this.followUps.add(p);
  }

  /** Resolves when the follow-up work of every send so far is done (before the database closes, and for tests). */
  async settled(): Promise<void> {
    while (this.followUps.size) await Promise.all([...this.followUps]);
  }

  /** `@name` in a new note: the active members it names (not its author) are told, through the bus, on any instance. */
  private async tellMentioned(note: WireMessage): Promise<void> {
    if (!note.body.includes('@')) return;
    const members = await this.db.sql<Mentionable>('select id, name, email from users where active', []);
    const userIds = mentionedIn(note.body, members).filter((id) => id !== note.author.id);
    if (!userIds.length) return;
    this.bus.publish({ t: 'mention', userIds, mention: { ticketId: note.ticketId, noteId: note.id, by: note.author, excerpt: note.body.slice(0, MENTION_EXCERPT) } });
  }

  private async byClientId(ticketId: string, clientId: string, internal: boolean): Promise<WireMessage | null> {
    const found = await this.repo.byClientId(ticketId, clientId, internal);
    return found ? (await this.withFiles([found]))[0]! : null;
  }

  /**
   * Public messages with seq > after, oldest first, at most `limit`. With `notes` (staff), also the
   * notes placed in that stretch of the timeline: those following public seq `after` up to (not
   * including) the page's last one, or to the end when the page is the last; so paging forward
   * hands out every note once.
   */
  async after(ticketId: string, after: number, limit: number = LIMITS.pageSize, notes = false): Promise<MessagePage> {
    const rows = await this.repo.publicAfter(ticketId, after, limit + 1);
    const page = rows.slice(0, limit);
    const hasMore = rows.length > limit;
    if (!notes) return { messages: await this.withFiles(page), hasMore };
    const upto = hasMore ? page.at(-1)!.seq : null;
    return { messages: await this.withNotes(ticketId, page, after, upto), hasMore };
  }

  /** The newest `limit` public messages before `before`, oldest first (for scrolling back); with `notes`, those placed among them. */
  async before(ticketId: string, before: number, limit: number = LIMITS.pageSize, notes = false): Promise<MessagePage> {
    const rows = await this.repo.publicBefore(ticketId, before, limit + 1);
    const page = rows.slice(0, limit).reverse();
    const hasMore = rows.length > limit;
    if (!notes) return { messages: await this.withFiles(page), hasMore };
    // A note after public seq k belongs to the page holding k (before the first message: to the first page).
    const from = hasMore ? page[0]!.seq : 0;
    return { messages: await this.withNotes(ticketId, page, from, before - 1, true), hasMore };
  }

  /** Notes with note seq > after, oldest first (staff replay on join: the note stream has its own numbering). */
  async notesAfter(ticketId: string, after: number, limit: number = LIMITS.pageSize): Promise<MessagePage> {
    const rows = await this.repo.notesAfter(ticketId, after, limit + 1);
    return { messages: await this.withFiles(rows.slice(0, limit)), hasMore: rows.length > limit };
  }

  /** `page` merged with the notes whose after_seq is in [from, upto) (or [from, upto] when `inclusive`; no upper end when null). */
  private async withNotes(ticketId: string, page: WireMessage[], from: number, upto: number | null, inclusive = false): Promise<WireMessage[]> {
    const notes = await this.repo.notesPlaced(ticketId, from, upto, inclusive);
    return this.withFiles([...page, ...notes].sort(timelineOrder));
  }

  /** The messages with their attachments (fresh URLs), in one query for the lot. */
  private async withFiles(messages: WireMessage[]): Promise<WireMessage[]> {
    const files = await this.attachments.ofMessages(messages.filter((m) => !m.internal).map((m) => m.id));
    if (!files.size) return messages;
    return messages.map((m) => (files.has(m.id) ? { ...m, attachments: files.get(m.id)! } : m));
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
