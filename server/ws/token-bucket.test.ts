import { describe, expect, it } from 'vitest';
import { TokenBucket } from './token-bucket.ts';

describe('TokenBucket', () => {
  it('grants a burst, then one token per refill interval, and says how long to wait', () => {
    const b = new TokenBucket(5, 3, 0);
    expect([b.take(0), b.take(0), b.take(0)]).toEqual([0, 0, 0]);
    expect(b.take(0)).toBe(200);
    expect(b.take(100)).toBe(100);
    expect(b.take(200)).toBe(0);
    expect(b.take(200)).toBe(200);
  });

  it('never holds more than its burst, however long it was idle', () => {
    const b = new TokenBucket(5, 2, 0);
    expect(b.full(60_000)).toBe(true);
    expect([b.take(60_000), b.take(60_000), b.take(60_000)]).toEqual([0, 0, 200]);
  });

  it('gives back a refunded token, up to the burst', () => {
    const b = new TokenBucket(1, 1, 0);
    expect(b.take(0)).toBe(0);
    b.refund();
    expect(b.take(0)).toBe(0);
    b.refund();
    b.refund();
    expect(b.full(0)).toBe(true);
    expect([b.take(0), b.take(0)]).toEqual([0, 1000]);
  });

  it('a zero rate never refills', () => {
    const b = new TokenBucket(0, 1, 0);
    expect(b.take(0)).toBe(0);
    expect(b.take(1e9)).toBe(Infinity);
  });
});
