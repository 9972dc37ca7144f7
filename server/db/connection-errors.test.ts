import { describe, expect, it } from 'vitest';
import { isConnectionError, isDataError } from './connection-errors.ts';

describe('connection errors', () => {
  it('tells a lost database from a refused statement', () => {
    for (const e of [{ code: '57P01', message: 'terminating connection due to administrator command' }, { code: 'ECONNREFUSED' },
      { code: '55000', message: 'database "x" is not currently accepting connections' }, new Error('Connection terminated unexpectedly'),
      new Error('Client has encountered a connection error and is not queryable'), { code: '08006' }]) {
      expect(isConnectionError(e), JSON.stringify(e) + String(e)).toBe(true);
    }
    for (const e of [{ code: '22P05', message: 'unsupported Unicode escape sequence' }, { code: '23505' }, new Error('boom'), null, undefined, 'text']) {
      expect(isConnectionError(e)).toBe(false);
    }
    expect(isDataError({ code: '22P05' })).toBe(true);
    expect(isDataError({ code: '22021' })).toBe(true);
    expect(isDataError({ code: '23505' })).toBe(false);
    expect(isDataError(new Error('x'))).toBe(false);
  });
});
