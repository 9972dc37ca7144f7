import type { FairUseLimits } from '../config.ts';
import type { Connection } from './connection.ts';
import { TokenBucket } from './token-bucket.ts';

/**
 * Per-socket and per-user allowances for chat messages, and the typing relay throttle. One flooding
 * socket is refused early (before any database work), so everyone else's frames keep flowing.
 */
export class FairUse {
  readonly limits: FairUseLimits;
  private readonly users = new Map<string, TokenBucket>();
  /** `${senderId} ${ticketId}` -> when its last typing frame was relayed. */
  private readonly typingAt = new Map<string, number>();
  private readonly typingGapMs: number;

  constructor(limits: FairUseLimits) {
    this.limits = limits;
    this.typingGapMs = limits.typingPerSecond > 0 ? 1000 / limits.typingPerSecond : Infinity;
  }

  /** Takes one message from the socket's and its user's allowance: 0 when allowed, else ms to wait. */
  message(conn: Connection, now = performance.now()): number {
    const { socketMessages: s, userMessages: u } = this.limits;
    const mine = (conn.messageBucket ??= new TokenBucket(s.perSecond, s.burst, now));
    const wait = mine.take(now);
    if (wait) return wait;
    const id = conn.actor!.id;
    let user = this.users.get(id);
    if (!user) this.users.set(id, (user = new TokenBucket(u.perSecond, u.burst, now)));
    const userWait = user.take(now);
    if (userWait) mine.refund();
    return userWait;
  }

  /** True when this sender's typing frame for this ticket should be relayed (at most `typingPerSecond`). */
  typing(senderId: string, ticketId: string, now = performance.now()): boolean {
    const key = `${senderId} ${ticketId}`;
    const last = this.typingAt.get(key);
    if (last !== undefined && now - last < this.typingGapMs) return false;
    this.typingAt.set(key, now);
    return true;
  }

  /** Forgets what no longer limits anyone (full buckets, old typing stamps); run now and then. */
  sweep(now = performance.now()): void {
    for (const [id, bucket] of this.users) if (bucket.full(now)) this.users.delete(id);
    for (const [key, at] of this.typingAt) if (now - at >= this.typingGapMs) this.typingAt.delete(key);
  }
}
