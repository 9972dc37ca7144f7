import { TokenBucket } from '../ws/token-bucket.ts';

/**
 * Chat messages one visitor or staff member may send, across all their sockets and HTTP together
 * (a token bucket per user). Lives in the services, so the socket handler and `POST
 * /api/tickets/:id/messages` draw from the same allowance: switching paths never doubles it.
 */
export class MessageAllowance {
  private readonly users = new Map<string, TokenBucket>();
  private readonly perSecond: number;
  private readonly burst: number;

  constructor(limits: { perSecond: number; burst: number }) {
    this.perSecond = limits.perSecond;
    this.burst = limits.burst;
  }

  /** Takes one message from `userId`'s allowance: 0 when allowed, else the ms until one is. */
  take(userId: string, now = performance.now()): number {
    let bucket = this.users.get(userId);
    if (!bucket) this.users.set(userId, (bucket = new TokenBucket(this.perSecond, this.burst, now)));
    return bucket.take(now);
  }

  /** Forgets full buckets (indistinguishable from new ones). */
  sweep(now = performance.now()): void {
    for (const [id, bucket] of this.users) if (bucket.full(now)) this.users.delete(id);
  }
}
