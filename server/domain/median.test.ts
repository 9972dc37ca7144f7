import { describe, expect, it } from 'vitest';
import { median } from './median.ts';

describe('median', () => {
  it('is the middle value, the mean of the middle two for an even count, and null for none', () => {
    expect(median([])).toBeNull();
    expect(median([7])).toBe(7);
    expect(median([300, 5, 60])).toBe(60);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([0, 0, 1000])).toBe(0);
  });
});
