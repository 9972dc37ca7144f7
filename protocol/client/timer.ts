/** Reconnect delays in ms by try number (1-based); the last one repeats. */
export const BACKOFF_MS = [250, 500, 1000, 2000, 5000, 10000] as const;

/** Maps a try number to a delay, with ±20% jitter so a restarted server is not hit by every client at the same instant. */
export function backoff(tries: number, random: () => number = Math.random): number {
  const step = BACKOFF_MS[Math.min(Math.max(tries, 1), BACKOFF_MS.length) - 1]!;
  return Math.round(step * (0.8 + random() * 0.4));
}

/** Runs a callback after a delay that grows with each try until `reset()` (Phoenix's Timer). */
export class Timer {
  tries = 0;
  private _callback: () => void;
  private _delayFor: (tries: number) => number;
  private _handle: ReturnType<typeof setTimeout> | undefined;

  constructor(callback: () => void, delayFor: (tries: number) => number = backoff) {
    this._callback = callback;
    this._delayFor = delayFor;
  }

  /** Forgets the tries (after a success) and cancels a scheduled run. */
  reset(): void {
    this.tries = 0;
    clearTimeout(this._handle);
  }

  /** Schedules the next run; a run already scheduled is replaced. */
  schedule(): void {
    clearTimeout(this._handle);
    this._handle = setTimeout(() => {
      this.tries++;
      this._callback();
    }, this._delayFor(this.tries + 1));
  }
}
