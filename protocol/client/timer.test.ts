import { afterEach, describe, expect, it, vi } from 'vitest';
import { BACKOFF_MS, Timer, backoff } from './timer.ts';

describe('backoff', () => {
  it('grows with each try and stops at the cap', () => {
    const mid = () => 0.5; // jitter factor exactly 1
    expect([1, 2, 3, 4, 5, 6, 7, 50].map((t) => backoff(t, mid))).toEqual([250, 500, 1000, 2000, 5000, 10000, 10000, 10000]);
  });

  it('jitters within ±20%', () => {
    expect(backoff(3, () => 0)).toBe(800);
    expect(backoff(3, () => 0.9999999)).toBe(1200);
    expect(backoff(0, () => 0.5)).toBe(BACKOFF_MS[0]);
  });
});

describe('Timer', () => {
  afterEach(() => vi.useRealTimers());

  it('waits longer on each try and starts over after reset', () => {
    vi.useFakeTimers();
    const runs: number[] = [];
    const timer = new Timer(() => runs.push(Date.now()), (tries) => tries * 100);
    const t0 = Date.now();
    timer.schedule();
    vi.advanceTimersByTime(99);
    expect(runs).toEqual([]);
    vi.advanceTimersByTime(1);
    timer.schedule();
    vi.advanceTimersByTime(200);
    expect(runs.map((t) => t - t0)).toEqual([100, 300]);
    expect(timer.tries).toBe(2);
    timer.reset();
    timer.schedule();
    vi.advanceTimersByTime(100);
    expect(runs.map((t) => t - t0)).toEqual([100, 300, 400]);
  });

  it('cancels a scheduled run on reset', () => {
    vi.useFakeTimers();
    let runs = 0;
    const timer = new Timer(() => runs++, () => 50);
    timer.schedule();
    timer.reset();
    vi.advanceTimersByTime(1000);
    expect(runs).toBe(0);
  });
});
