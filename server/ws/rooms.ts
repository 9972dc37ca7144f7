import type { Message, MessagePage, PresenceEntry } from '../../protocol/index.ts';
import type { Connection } from './connection.ts';

/** Reads messages with seq > after, oldest first (the database is the log). */
export type ReadAfter = (ticketId: string, after: number, limit: number) => Promise<MessagePage>;

/** Messages read per replay query; each page goes out in chunks of about CHUNK_CHARS (64 Ki UTF-16 units, at most ~192 KiB of UTF-8). */
const REPLAY_PAGE = 200;
/** A replay waits for the socket to hand each chunk to the OS before the next: one chunk is what a socket that stops reading can hold. */
const CHUNK_CHARS = 64 * 1024;

/**
 * The ticket rooms of one instance: who joined which ticket, the catch-up replay on join, and live
 * delivery in seq order. A socket sees every message of a room once, in order: a gap (a message
 * arriving ahead of one it has not seen) or an event during a replay sends it back to the database.
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

  /** Subscribes and replays seq > after before any live event; returns how many messages it replayed. */
  join(conn: Connection, ticketId: string, after: number): Promise<number> {
    let room = this.rooms.get(ticketId);
    if (!room) this.rooms.set(ticketId, (room = new Set()));
    room.add(conn);
    const sub = conn.rooms.get(ticketId);
    if (sub) sub.lastSent = after;
    else conn.rooms.set(ticketId, { lastSent: after, replaying: false, dirty: false });
    return this.catchUp(conn, ticketId);
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

  /** A stored message (or, when it was too large for the bus, only news of one): to everyone in its room. */
  publish(ticketId: string, message: Message | undefined): void {
    const room = this.rooms.get(ticketId);
    if (!room) return;
    let text: string | null = null;
    for (const conn of room) {
      const sub = conn.rooms.get(ticketId);
      if (!sub) continue;
      if (sub.replaying) {
        sub.dirty = true;
        continue;
      }
      if (!message || message.seq > sub.lastSent + 1) {
        void this.catchUp(conn, ticketId).catch(() => {});
        continue;
      }
      if (message.seq <= sub.lastSent) continue;
      sub.lastSent = message.seq;
      conn.sendText((text ??= JSON.stringify({ type: 'message', message })));
    }
  }

  /** After a gap on the bus: every socket re-reads what it may have missed, from the database. */
  resync(): void {
    for (const [ticketId, room] of this.rooms) for (const conn of room) void this.catchUp(conn, ticketId).catch(() => {});
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
  private async catchUp(conn: Connection, ticketId: string): Promise<number> {
    const sub = conn.rooms.get(ticketId);
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
        const page = await this.readAfter(ticketId, sub.lastSent, REPLAY_PAGE);
        let chunk: string[] = [];
        let chars = 0;
        for (const m of page.messages) {
          if (conn.rooms.get(ticketId) !== sub || !conn.open) return sent;
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
        if (conn.rooms.get(ticketId) !== sub || !conn.open) return sent;
        if (!page.hasMore && !sub.dirty) return sent;
      }
    } finally {
      sub.replaying = false;
    }
  }
}
