import type { MemberStatus } from '../../protocol/index.ts';
import type { Database } from '../db/orm.ts';

/**
 * Member status for routing. A member sets it in the console; the server sets it too: offline once
 * their last socket has been closed for the grace period (a reload or a short network cut keeps
 * them as they were), and online again when a member it took offline comes back. A status the
 * member chose themselves (`status_auto` false) is never changed on reconnect.
 */
export class AvailabilityService {
  private readonly db: Database;
  private readonly graceMs: number;
  private readonly changed: () => void;
  private readonly onError: (err: unknown) => void;
  private readonly pending = new Map<string, NodeJS.Timeout>();
  private opening: { ids: Set<string>; stored: Promise<void> } | null = null;

  constructor(db: Database, graceMs: number, changed: () => void, onError: (err: unknown) => void) {
    this.db = db;
    this.graceMs = graceMs;
    this.changed = changed;
    this.onError = onError;
  }

  /** The member's own choice. */
  async set(userId: string, status: MemberStatus): Promise<void> {
    await this.db.sql(`update users set status = ?, status_auto = false where id = ?`, [status, userId]);
    if (status === 'online') this.changed();
  }

  /** A staff socket of this user opened (on this instance); resolves once a status it brings back is stored (never rejects). */
  socketOpened(userId: string): Promise<void> {
    const timer = this.pending.get(userId);
    if (timer) {
      clearTimeout(timer);
      this.pending.delete(userId);
    }
    // Sockets that open in the same turn share one statement: 1,000 members coming online at once
    // (a deploy, the morning) are a few updates, not 1,000 queued on the pool.
    if (!this.opening) {
      const ids = new Set<string>();
      const stored = new Promise<void>((r) => setImmediate(r)).then(() => {
        this.opening = null;
        return this.db.sql<{ id: string }>(
          `update users set status = 'online' where id = any(?::uuid[]) and status = 'offline' and status_auto and active returning id`, [[...ids]],
        );
      }).then((rows) => void (rows.length && this.changed()), this.onError);
      this.opening = { ids, stored };
    }
    this.opening.ids.add(userId);
    return this.opening.stored;
  }

  /** This user's last socket on this instance closed; `connected` says whether they are still online anywhere. */
  socketsClosed(userId: string, connected: () => boolean): void {
    if (this.pending.has(userId)) return;
    const timer = setTimeout(() => {
      this.pending.delete(userId);
      if (connected()) return;
      void this.db.sql(`update users set status = 'offline', status_auto = true where id = ? and status <> 'offline'`, [userId]).catch(this.onError);
    }, this.graceMs);
    timer.unref();
    this.pending.set(userId, timer);
  }

  close(): void {
    for (const timer of this.pending.values()) clearTimeout(timer);
    this.pending.clear();
  }
}
