import { describe, expect, it } from 'vitest';
import type { FairUseLimits } from '../config.ts';
import type { Connection } from './connection.ts';
import { MessageAllowance } from '../services/message-allowance.ts';
import { FairUse } from './fair-use.ts';

const limits: FairUseLimits = {
  socketMessages: { perSecond: 5, burst: 3 },
  userMessages: { perSecond: 10, burst: 4 },
  typingPerSecond: 2,
  socketsPerVisitorToken: 20, socketsPerStaffSession: 20, unauthenticatedSocketsPerAddress: 100,
};
// FairUse reads only these two fields of a connection.
const socketOf = (id: string) => ({ actor: { id }, messageBucket: null }) as unknown as Connection;

describe('FairUse', () => {
  it('limits each socket, and each user across their sockets', () => {
    const fair = new FairUse(limits, new MessageAllowance(limits.userMessages));
    const a1 = socketOf('alice');
    const a2 = socketOf('alice');
    expect([fair.message(a1, 0), fair.message(a1, 0), fair.message(a1, 0)]).toEqual([0, 0, 0]);
    expect(fair.message(a1, 0)).toBe(200); // the socket's burst is spent
    expect(fair.message(a2, 0)).toBe(0); // the user's 4th
    expect(fair.message(a2, 0)).toBe(100); // the user's burst is spent, though a2 has tokens left
    // The refusal by the user's bucket did not cost a2 a token.
    expect(fair.message(a2, 100)).toBe(0);
    // Another user is not affected.
    expect(fair.message(socketOf('bob'), 0)).toBe(0);
  });

  it('relays typing at most typingPerSecond per sender and ticket', () => {
    const fair = new FairUse(limits, new MessageAllowance(limits.userMessages));
    expect(fair.typing('alice', 't1', 0)).toBe(true);
    expect(fair.typing('alice', 't1', 100)).toBe(false);
    expect(fair.typing('alice', 't2', 100)).toBe(true);
    expect(fair.typing('bob', 't1', 100)).toBe(true);
    expect(fair.typing('alice', 't1', 500)).toBe(true);
  });

  it('forgets what no longer limits anyone', () => {
    const fair = new FairUse(limits, new MessageAllowance(limits.userMessages));
    const a = socketOf('alice');
    for (let i = 0; i < 3; i++) fair.message(a, 0);
    fair.typing('alice', 't1', 0);
    fair.sweep(10_000);
    // A fresh user bucket (burst 4) again, the same as a user never seen.
    const b = socketOf('alice');
    expect([0, 1, 2, 3].map(() => fair.message(b, 10_000))).toEqual([0, 0, 0, 200]);
    expect(fair.typing('alice', 't1', 10_000)).toBe(true);
  });
});
