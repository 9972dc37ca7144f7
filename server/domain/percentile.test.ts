import { describe, expect, it } from 'vitest';
import { percentile } from './percentile.ts';

describe('percentile (as percentile_cont)', () => {
  it('interpolates between the closest ranks, and is null for none', () => {
    expect(percentile([], 0.5)).toBeNull();
    expect(percentile([7], 0.9)).toBe(7);
    expect(percentile([300, 5, 60], 0.5)).toBe(60);
    expect(percentile([4, 1, 3, 2], 0.5)).toBe(2.5);
    // percentile_cont(0.9) of 1..10 is 9.1.
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9)).toBeCloseTo(9.1);
    expect(percentile([10, 20], 0)).toBe(10);
    expect(percentile([10, 20], 1)).toBe(20);
  });
});
