/**
 * A token bucket: holds up to `burst` tokens, refilled continuously at `perSecond`. Synchronous and
 * allocation-free, because every chat frame passes through one (rate-limiter-flexible's limiters are
 * promise-based and meant for shared stores; this one lives and dies with a socket).
 */
export class TokenBucket {
  private readonly perMs: number;
  private readonly burst: number;
  private tokens: number;
  private at: number;

  constructor(perSecond: number, burst: number, now = performance.now()) {
    this.perMs = perSecond / 1000;
    this.burst = Math.max(1, burst);
    this.tokens = this.burst;
    this.at = now;
  }

  /** Takes one token: returns 0 when granted, else the milliseconds until one is available. */
  take(now = performance.now()): number {
    this.refill(now);
    if (this.tokens >= 1) {
      this.tokens -= 1;
      return 0;
    }
    return this.perMs > 0 ? Math.ceil((1 - this.tokens) / this.perMs) : Infinity;
  }

  /** Gives back a token taken for something that was refused further on (so a refusal costs nothing). */
  refund(): void {
    this.tokens = Math.min(this.burst, this.tokens + 1);
  }

  /** True when the bucket is full again (indistinguishable from a new one, so it may be forgotten). */
  full(now = performance.now()): boolean {
    this.refill(now);
    return this.tokens >= this.burst;
  }

  private refill(now: number): void {
    if (now > this.at) {
      this.tokens = Math.min(this.burst, this.tokens + (now - this.at) * this.perMs);
      this.at = now;
    }
  }
}
