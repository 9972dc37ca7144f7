/**
 * When a failed outbox send is tried again: `backoffMs` after the first attempt, twice as long after
 * each next one, never past the deadline; `giveUp` once the deadline has passed.
 */
export function nextAttempt(attempts: number, startedAt: Date, backoffMs: number, retryForMs: number, now = Date.now()): { at: Date | null; giveUp: boolean } {
  const deadline = startedAt.getTime() + retryForMs;
  if (now >= deadline) return { at: null, giveUp: true };
  return { at: new Date(Math.min(now + backoffMs * 2 ** Math.max(0, attempts - 1), deadline)), giveUp: false };
}
