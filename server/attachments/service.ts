import { randomBytes, randomUUID } from 'node:crypto';
import { fileTypeFromBuffer } from 'file-type';
import { imageSize } from 'image-size';
import { ATTACHMENT_URL_TTL_MS, type Attachment } from '../../protocol/index.ts';
import type { Database } from '../db/orm.ts';
import { authorKindOf, canSend, type Actor } from '../domain/index.ts';
import { AppError, notFound } from '../errors.ts';
import type { TicketService } from '../services/tickets.ts';
import { isUuid } from '../input.ts';
import { PollLoop } from '../services/poll-loop.ts';
import { rechunk, type AttachmentStorage } from './storage.ts';
import { stripMetadata } from './strip-metadata.ts';
import { cleanName, expiryFor, signedPath, storedType, verifySignature } from './rules.ts';

export interface AttachmentRow {
  id: string;
  ticket_id: string;
  uploader_kind: string;
  uploader_id: string;
  name: string;
  type: string;
  size: number | string | null;
  width: number | null;
  height: number | null;
  message_id: string | null;
}
export const ATTACHMENT_COLUMNS = 'id, ticket_id, uploader_kind, uploader_id, name, type, size, width, height, message_id';

/** Raised while a stream is read when it passes the size limit (the route answers 413). */
export class TooLarge extends AppError {
  constructor(maxBytes: number) {
    super('too_large', `the file is larger than ${Math.round(maxBytes / 1048576)} MB`);
  }
}

/** Counts the bytes of a stream, failing with TooLarge past `max`. */
async function* capped(data: AsyncIterable<Buffer>, max: number): AsyncGenerator<Buffer> {
  let seen = 0;
  for await (const piece of data) {
    seen += piece.length;
    if (seen > max) throw new TooLarge(max);
    yield piece;
  }
}

/** Uploads, downloads by capability URL, deletion and the orphan sweep; the bytes go to `storage`. */
export class AttachmentService {
  private readonly db: Database;
  private readonly tickets: TicketService;
  readonly storage: AttachmentStorage;
  readonly maxBytes: number;
  private secret: Promise<string> | null = null;
  private readonly orphanMs: number;
  /** The orphan sweep; start.ts starts and stops it. */
  readonly sweeper: PollLoop;

  constructor(db: Database, tickets: TicketService, storage: AttachmentStorage, maxBytes: number, orphanMs = 86_400_000, onError: (err: unknown) => void = () => {}) {
    this.db = db;
    this.tickets = tickets;
    this.storage = storage;
    this.maxBytes = maxBytes;
    this.orphanMs = orphanMs;
    // Look a few times per orphan age (at most hourly): an orphan lives at most a little past it.
    this.sweeper = new PollLoop(Math.min(3_600_000, Math.max(50, Math.floor(orphanMs / 4))), () => this.sweepOrphans().then(() => {}, onError));
  }

  /**
   * Removes uploads no message took within the orphan age (and uploads cut off by a crash), 100 at a
   * time. SKIP LOCKED: instances sweeping at once take different rows, and none waits on another.
   */
  async sweepOrphans(): Promise<number> {
    let removed = 0;
    for (;;) {
      const rows = await this.db.sql<{ id: string }>(
        `delete from attachments where id in (
           select id from attachments where message_id is null and created_at < ? order by created_at limit 100 for update skip locked
         ) returning id`,
        [new Date(Date.now() - this.orphanMs)],
      );
      for (const r of rows) await this.storage.delete(r.id);
      removed += rows.length;
      if (rows.length < 100) return removed;
    }
  }

  /** The URL-signing key: made by whichever instance asks first, then shared through the database. */
  private key(): Promise<string> {
    this.secret ??= (async () => {
      await this.db.sql(`insert into server_secrets (name, value) values ('attachments', ?) on conflict (name) do nothing`, [randomBytes(32).toString('base64url')]);
      const rows = await this.db.sql<{ value: string }>(`select value from server_secrets where name = 'attachments'`);
      return rows[0]!.value;
    })();
    this.secret.catch(() => (this.secret = null));
    return this.secret;
  }

  /** Who may upload to a ticket: whoever may send a message there (the send rule, protocol/lifecycle.ts). */
  async checkUpload(actor: Actor, ticketId: string): Promise<void> {
    const ticket = await this.tickets.load(actor, ticketId);
    const verdict = canSend(actor, await this.tickets.facts(ticket));
    if (!verdict.ok) throw new AppError(verdict.code, verdict.message);
  }

  /**
   * Stores one upload. The first chunk decides the type (by content) before anything is written;
   * the row is complete (size set) only when the last byte is stored, and on any error, a client
   * abort included, nothing stays.
   */
  async upload(actor: Actor, ticketId: string, rawName: string | undefined, data: AsyncIterable<Buffer>): Promise<Attachment> {
    const name = cleanName(rawName);
    const chunks = rechunk(capped(data, this.maxBytes));
    const first = await chunks.next();
    if (first.done) throw new AppError('bad_request', 'the file is empty');
    const head = first.value;
    const type = storedType((await fileTypeFromBuffer(head))?.mime, head, name);
    if (!type) throw new AppError('type_not_allowed', 'this type of file is not allowed (images, PDF, text, CSV, zip and office documents are)');
    const dims = type.startsWith('image/') ? dimensions(head) : null;
    const id = randomUUID();
    await this.db.sql(
      `insert into attachments (id, ticket_id, uploader_kind, uploader_id, name, type, size, width, height, created_at) values (?, ?, ?, ?, ?, ?, null, ?, ?, now())`,
      [id, ticketId, authorKindOf(actor), actor.id, name, type, dims?.width ?? null, dims?.height ?? null],
    );
    try {
      // EXIF and the like (a phone photo's GPS position) never reach the store.
      const size = await this.storage.put(id, stripMetadata(type, (async function* () {
        yield head;
        yield* chunks;
      })()));
      const rows = await this.db.sql<AttachmentRow>(`update attachments set size = ? where id = ? returning ${ATTACHMENT_COLUMNS}`, [size, id]);
      return this.toWire(rows[0]!, await this.key());
    } catch (err) {
      await this.forget(id).catch(() => {});
      throw err;
    }
  }

  private async forget(id: string): Promise<void> {
    await this.storage.delete(id);
    await this.db.sql('delete from attachments where id = ?', [id]);
  }

  /** The attachment and its bytes for a capability URL; 403 for a bad or expired signature, 404 when gone. */
  async download(id: string, exp: unknown, sig: unknown): Promise<{ row: AttachmentRow; size: number; body: AsyncIterable<Buffer> }> {
    if (!isUuid(id)) throw notFound('attachment');
    const verdict = verifySignature(await this.key(), id, exp, sig, Date.now());
    if (verdict === 'bad') throw new AppError('forbidden', 'this attachment link is not valid');
    if (verdict === 'expired') throw new AppError('forbidden', 'this attachment link has expired; reload the conversation for a fresh one');
    const rows = await this.db.sql<AttachmentRow>(`select ${ATTACHMENT_COLUMNS} from attachments where id = ? and size is not null`, [id]);
    if (!rows[0]) throw notFound('attachment');
    return { row: rows[0], size: Number(rows[0].size), body: this.storage.open(id) };
  }

  /** Deletes an upload: only its uploader, and only while no message carries it (a sent file stays part of the conversation). */
  async delete(actor: Actor, id: string): Promise<void> {
    const rows = isUuid(id) ? await this.db.sql<AttachmentRow>(`select ${ATTACHMENT_COLUMNS} from attachments where id = ?`, [id]) : [];
    const row = rows[0];
    // Someone else's upload answers like a missing one: ids of others' files leak nothing.
    if (!row || row.uploader_id !== actor.id || row.uploader_kind !== authorKindOf(actor)) throw notFound('attachment');
    await this.tickets.load(actor, row.ticket_id);
    if (row.message_id || row.size === null) throw new AppError('invalid_state', 'this attachment was sent with a message; it stays');
    await this.forget(id);
  }

  /**
   * Reserves uploads for the send `clientId` on `ticketId` before the message is written: each must
   * be on that ticket, uploaded by this sender, complete, and not sent with (or being sent with)
   * another message. The conditional update makes two sends racing for one file take it once.
   */
  async claim(actor: Actor, ticketId: string, clientId: string, ids: readonly string[]): Promise<void> {
    if (!ids.every(isUuid)) throw new AppError('bad_request', 'attachments must be ids of uploads to this ticket');
    const claim = `${ticketId}:${clientId}`;
    const taken = await this.db.sql<{ id: string }>(
      `update attachments set claim = ?, position = array_position(?::uuid[], id) where id in (${ids.map(() => '?').join(', ')}) and ticket_id = ? and uploader_kind = ? and uploader_id = ?
         and size is not null and ((message_id is null and (claim is null or claim = ?))
           -- A resend of a stored message names the files it already carries.
           or message_id = (select id from messages where ticket_id = ? and client_id = ? and not internal)) returning id`,
      [claim, ids, ...ids, ticketId, authorKindOf(actor), actor.id, claim, ticketId, clientId],
    );
    if (taken.length === ids.length) return;
    await this.release(ticketId, clientId);
    throw new AppError('bad_request', 'attachments must be your own uploads to this ticket, not sent yet');
  }

  /** Gives up a claim whose message was refused. */
  async release(ticketId: string, clientId: string): Promise<void> {
    await this.db.sql('update attachments set claim = null where claim = ? and message_id is null', [`${ticketId}:${clientId}`]);
  }

  /** Attaches what the send `clientId` claimed to its stored message. */
  async link(ticketId: string, clientId: string, messageId: string): Promise<void> {
    await this.db.sql('update attachments set message_id = ?, claim = null where claim = ? and message_id is null', [messageId, `${ticketId}:${clientId}`]);
  }

  /** Wire attachments of the given messages, by message id, each with a fresh URL (working for `ttlMs` to twice that). */
  async ofMessages(messageIds: string[], ttlMs = ATTACHMENT_URL_TTL_MS, sql: Database['sql'] = this.db.sql): Promise<Map<string, Attachment[]>> {
    const byMessage = new Map<string, Attachment[]>();
    if (!messageIds.length) return byMessage;
    const rows = await sql<AttachmentRow>(
      `select ${ATTACHMENT_COLUMNS} from attachments where message_id in (${messageIds.map(() => '?').join(', ')}) order by position nulls first, created_at, id`,
      messageIds,
    );
    if (!rows.length) return byMessage;
    // Inside a caller's transaction (one connection on PGlite), read the key through it: it exists, since these files were signed at upload.
    const key = sql === this.db.sql || this.secret ? await this.key() : (await sql<{ value: string }>(`select value from server_secrets where name = 'attachments'`))[0]!.value;
    for (const r of rows) {
      const list = byMessage.get(r.message_id!) ?? [];
      list.push(this.toWire(r, key, ttlMs));
      byMessage.set(r.message_id!, list);
    }
    return byMessage;
  }

  /**
   * The files of stored messages, also those still only claimed by the send (linked a statement
   * after the message's commit): a webhook delivery may run in between.
   */
  async ofStored(messages: { id: string; ticket_id: string; client_id: string }[]): Promise<Map<string, Attachment[]>> {
    const byMessage = await this.ofMessages(messages.map((m) => m.id));
    const pending = messages.filter((m) => !byMessage.has(m.id));
    if (!pending.length) return byMessage;
    const claims = new Map(pending.map((m) => [`${m.ticket_id}:${m.client_id}`, m.id]));
    const rows = await this.db.sql<AttachmentRow & { claim: string }>(
      `select ${ATTACHMENT_COLUMNS}, claim from attachments where message_id is null and claim in (${pending.map(() => '?').join(', ')}) order by position nulls first, created_at, id`,
      [...claims.keys()],
    );
    if (!rows.length) return byMessage;
    const key = await this.key();
    for (const r of rows) {
      const id = claims.get(r.claim)!;
      byMessage.set(id, [...(byMessage.get(id) ?? []), this.toWire(r, key)]);
    }
    return byMessage;
  }

  toWire(r: AttachmentRow, key: string, ttlMs = ATTACHMENT_URL_TTL_MS): Attachment {
    return {
      id: r.id, ticketId: r.ticket_id, name: r.name, type: r.type, size: Number(r.size),
      ...(r.width !== null && r.height !== null ? { width: Number(r.width), height: Number(r.height) } : {}),
      url: signedPath(key, r.id, expiryFor(Date.now(), ttlMs)),
    };
  }
}

/** Width and height from an image's first bytes, or null when they are not there. */
function dimensions(head: Buffer): { width: number; height: number } | null {
  try {
    const d = imageSize(head);
    return d.width && d.height ? { width: d.width, height: d.height } : null;
  } catch {
    return null;
  }
}
