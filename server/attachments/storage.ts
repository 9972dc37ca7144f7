import type { Database } from '../db/orm.ts';

/**
 * Where attachment bytes live. A few methods so an object store can stand in later: `put` consumes a
 * stream (never the whole file at once), `open` yields it back in order, `delete` forgets it.
 */
export interface AttachmentStorage {
  /** Stores the stream under `id`; answers the number of bytes. On any error nothing stays stored. */
  put(id: string, data: AsyncIterable<Buffer>): Promise<number>;
  open(id: string): AsyncIterable<Buffer>;
  delete(id: string): Promise<void>;
}

/** Rows of this size: large enough that a 10 MB file is 40 inserts, small enough to hold a few per request. */
export const CHUNK_BYTES = 256 * 1024;

/** Re-cuts a stream of pieces of any size into CHUNK_BYTES buffers (the last may be shorter). */
export async function* rechunk(data: AsyncIterable<Buffer>, size = CHUNK_BYTES): AsyncGenerator<Buffer> {
  let parts: Buffer[] = [];
  let held = 0;
  for await (const piece of data) {
    let rest = piece;
    while (held + rest.length >= size) {
      const take = size - held;
      parts.push(rest.subarray(0, take));
      yield Buffer.concat(parts, size);
      parts = [];
      held = 0;
      rest = rest.subarray(take);
    }
    if (rest.length) {
      parts.push(rest);
      held += rest.length;
    }
  }
  if (held) yield Buffer.concat(parts, held);
}

/**
 * The default store: chunks as bytea rows in `attachment_chunks`, so every instance (and PGlite)
 * sees them with nothing added. The metadata row must exist first (the chunks reference it).
 */
export class DatabaseStorage implements AttachmentStorage {
  private readonly db: Database;
  constructor(db: Database) {
    this.db = db;
  }

  async put(id: string, data: AsyncIterable<Buffer>): Promise<number> {
    let n = 0;
    let size = 0;
    try {
      for await (const chunk of rechunk(data)) {
        await this.db.sql('insert into attachment_chunks (attachment_id, n, data) values (?, ?, ?)', [id, n++, chunk]);
        size += chunk.length;
      }
    } catch (err) {
      await this.delete(id).catch(() => {});
      throw err;
    }
    return size;
  }

  async *open(id: string): AsyncGenerator<Buffer> {
    // One chunk per query: a download holds one chunk at a time, however large the file.
    for (let n = 0; ; n++) {
      const rows = await this.db.sql<{ data: Uint8Array }>('select data from attachment_chunks where attachment_id = ? and n = ?', [id, n]);
      if (!rows[0]) return;
      const d = rows[0].data;
      yield Buffer.isBuffer(d) ? d : Buffer.from(d.buffer, d.byteOffset, d.byteLength);
    }
  }

  async delete(id: string): Promise<void> {
    await this.db.sql('delete from attachment_chunks where attachment_id = ?', [id]);
  }
}
