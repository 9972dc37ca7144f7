import type { Message, MessagePage, PresenceEntry } from '../../protocol/index.ts';
import { receives } from '../domain/index.ts';
import type { Connection, Stream, Subscription } from './connection.ts';

/** Reads public messages (or, with `internal`, notes) with seq > after, oldest first (the database is the log). */
export type ReadAfter = (ticketId: string, after: number, limit: number, internal: boolean) => Promise<MessagePage>;

const stream = (lastSent: number): Stream => ({ lastSent, replaying: false, dirty: false });
const streamOf = (sub: Subscription, internal: boolean): Stream | null => (internal ? sub.notes : sub.public);

/** Messages read per replay query; each page goes out in chunks of about CHUNK_CHARS (64 Ki UTF-16 units, at most ~192 KiB of UTF-8). */
const REPLAY_PAGE = 200;
/** A replay waits for the socket to hand each chunk to the OS before the next: one chunk is what a socket that stops reading can hold. */
const CHUNK_CHARS = 64 * 1024;

/**
 * The ticket rooms of one instance: who joined which ticket, the catch-up replay on join, and live
 * delivery in seq order. A socket sees every message of a room once, in order: a gap (a message
 * arriving ahead of one it has not seen) or an event during a replay sends it back to the database.
 * Notes are a second stream with its own numbering, followed only by sockets that receive notes
 * (receives(), 'note'), so a customer's stream never holds one, nor a gap where one was.
 */
export class Rooms {
  private readonly rooms = new Map<string, Set<Connection>>();
  private readonly readAfter: ReadAfter;

  constructor(readAfter: ReadAfter) {
    this.readAfter = readAfter;
  }

  members(ticketId: string): Iterable<Connection> {
    return this.rooms.get(ticketId) ?? [];
  }

  /** Subscribes and replays seq > after (and notes past `afterNote`, for staff) before any live event; returns how many messages it replayed. */
  async join(conn: Connection, ticketId: string, after: number, afterNote = 0): Promise<number> {
    let room = this.rooms.get(ticketId);
    if (!room) this.rooms.set(ticketId, (room = new Set()));
    room.add(conn);
    const notes = receives(conn.actor!, { type: 'note' });
    const sub = conn.rooms.get(ticketId);
    if (sub) {
      sub.public.lastSent = after;
      if (sub.notes) sub.notes.lastSent = afterNote;
    } else conn.rooms.set(ticketId, { public: stream(after), notes: notes ? stream(afterNote) : null });
    // Public messages first, then notes: one replay order, whatever the timing.
    const replayed = await this.catchUp(conn, ticketId, false);
    return replayed + (notes ? await this.catchUp(conn, ticketId, true) : 0);
  }

  leave(conn: Connection, ticketId: string): void {
    conn.rooms.delete(ticketId);
    const room = this.rooms.get(ticketId);
    room?.delete(conn);
    if (room && room.size === 0) this.rooms.delete(ticketId);
  }

  /** Takes a socket out of every room; returns the tickets it was in. */
  leaveAll(conn: Connection): string[] {
    const tickets = [...conn.rooms.keys()];
    for (const ticketId of tickets) this.leave(conn, ticketId);
    return tickets;
  }

  /**
   * A stored message or note (or, when it was too large for the bus, only news of one): to everyone
   * in its room who follows its stream. A note reaches only sockets with a note stream.
   */
  publish(ticketId: string, message: Message | undefined, internal = false): void {
    const room = this.rooms.get(ticketId);
    if (!room) return;
    let text: string | null = null;
    for (const conn of room) {
      const sub = conn.rooms.get(ticketId);
      const s = sub && streamOf(sub, internal);
      if (!s) continue;
      if (s.replaying) {
        s.dirty = true;
        continue;
      }
      if (!message || message.seq > s.lastSent + 1) {
        void this.catchUp(conn, ticketId, internal).catch(() => {});
        continue;
      }
      if (message.seq <= s.lastSent) continue;
      s.lastSent = message.seq;
      conn.sendText((text ??= JSON.stringify({ type: 'message', message })));
    }
  }

  /** After a gap on the bus: every socket re-reads what it may have missed, from the database. */
  resync(): void {
    for (const [ticketId, room] of this.rooms) {
      for (const conn of room) {
        void this.catchUp(conn, ticketId, false).catch(() => {});
        if (conn.rooms.get(ticketId)?.notes) void this.catchUp(conn, ticketId, true).catch(() => {});
      }
    }
  }

  /** Who has this ticket open on this instance, each person once. */
  presence(ticketId: string): PresenceEntry[] {
    const seen = new Map<string, PresenceEntry>();
    for (const conn of this.rooms.get(ticketId) ?? []) {
      const a = conn.actor!;
      seen.set(a.id, { kind: a.kind === 'customer' ? 'customer' : a.role, id: a.id, name: a.name });
    }
    return [...seen.values()];
  }

  tellPresence(ticketId: string): void {
    const room = this.rooms.get(ticketId);
    if (!room) return;
    const text = JSON.stringify({ type: 'presence', ticketId, online: this.presence(ticketId) });
    for (const conn of room) conn.sendText(text);
  }

  /**
   * Sends what the socket has not seen after `lastSent`, from the database, in bounded chunks that
   * wait for the socket to drain. Live events meanwhile only mark the subscription dirty: they are
   * in the database already (published after commit), so the loop reads them too.
   */
  private async catchUp(conn: Connection, ticketId: string, internal: boolean): Promise<number> {
    const subscription = conn.rooms.get(ticketId);
    const sub = subscription && streamOf(subscription, internal);
    if (!sub) return 0;
    if (sub.replaying) {
      sub.dirty = true;
      return 0;
    }
    sub.replaying = true;
    let sent = 0;
    try {
      for (;;) {
        sub.dirty = false;
        const page = await this.readAfter(ticketId, sub.lastSent, REPLAY_PAGE, internal);
        let chunk: string[] = [];
        let chars = 0;
        for (const m of page.messages) {
          if (conn.rooms.get(ticketId) !== subscription || !conn.open) return sent;
          if (m.seq <= sub.lastSent) continue;
          const text = JSON.stringify({ type: 'message', message: m });
          chunk.push(text);
          chars += text.length;
          sub.lastSent = m.seq;
          sent++;
          if (chars >= CHUNK_CHARS) {
            await conn.sendChunk(chunk);
            chunk = [];
            chars = 0;
          }
        }
        await conn.sendChunk(chunk);
        if (conn.rooms.get(ticketId) !== subscription || !conn.open) return sent;
        if (!page.hasMore && !sub.dirty) return sent;
      }
    } finally {
      sub.replaying = false;
    }
  }
}
