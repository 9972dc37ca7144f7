import type { FairUseLimits } from '../config.ts';
import type { Connection } from './connection.ts';
import type { MessageAllowance } from '../services/message-allowance.ts';
import { TokenBucket } from './token-bucket.ts';

/**
 * Per-socket and per-user allowances for chat messages, and the typing relay throttle. One flooding
 * socket is refused early (before any database work), so everyone else's frames keep flowing.
 */
export class FairUse {
  readonly limits: FairUseLimits;
  /** Per user, shared with the HTTP send route. */
  private readonly users: MessageAllowance;
  /** `${senderId} ${ticketId}` -> when its last typing frame was relayed. */
  private readonly typingAt = new Map<string, number>();
  private readonly typingGapMs: number;

  constructor(limits: FairUseLimits, users: MessageAllowance) {
    this.limits = limits;
    this.users = users;
    this.typingGapMs = limits.typingPerSecond > 0 ? 1000 / limits.typingPerSecond : Infinity;
  }

  /** Takes one message from the socket's and its user's allowance: 0 when allowed, else ms to wait. */
  message(conn: Connection, now = performance.now()): number {
    const s = this.limits.socketMessages;
    const mine = (conn.messageBucket ??= new TokenBucket(s.perSecond, s.burst, now));
    const wait = mine.take(now);
    if (wait) return wait;
    const userWait = this.users.take(conn.actor!.id, now);
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
    this.users.sweep(now);
    for (const [key, at] of this.typingAt) if (now - at >= this.typingGapMs) this.typingAt.delete(key);
  }
}
