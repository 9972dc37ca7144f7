import { describe, expect, it } from 'vitest';
import { chooseAssignee, isAvailable, planAssignments, queuePositions, teamOf, transferRefusal, type Candidate, type TeamRoute, type WaitingTicket } from './routing.ts';

const member = (id: string, over: Partial<Candidate> = {}): Candidate => ({ id, status: 'online', capacity: 5, load: 0, lastAssignedAt: null, ...over });
const ticket = (id: string, createdAt: number, category = 'General'): WaitingTicket => ({ id, category, createdAt });
const billing: TeamRoute = { id: 'billing', memberIds: ['b1', 'b2'], categories: ['Billing'] };

describe('the choice rule', () => {
  it('gives a ticket only to an online member below capacity', () => {
    expect(isAvailable(member('a'))).toBe(true);
    expect(isAvailable(member('a', { status: 'away' }))).toBe(false);
    expect(isAvailable(member('a', { status: 'offline' }))).toBe(false);
    expect(isAvailable(member('a', { load: 5 }))).toBe(false);
    expect(isAvailable(member('a', { load: 7, capacity: 5 }))).toBe(false);
    expect(isAvailable(member('a', { capacity: 0 }))).toBe(false);
    expect(chooseAssignee([member('a', { status: 'away' }), member('b', { load: 5 })], null)).toBeNull();
  });

  it('picks the least recently assigned, never-assigned first, ties by id', () => {
    const pick = (cs: Candidate[]) => chooseAssignee(cs, null)?.id;
    expect(pick([member('a', { lastAssignedAt: 200 }), member('b', { lastAssignedAt: 100 })])).toBe('b');
    expect(pick([member('a', { lastAssignedAt: 100 }), member('b')])).toBe('b');
    expect(pick([member('b'), member('a')])).toBe('a');
    expect(pick([member('b', { lastAssignedAt: 5 }), member('a', { lastAssignedAt: 5 })])).toBe('a');
    // Load does not matter while below capacity: fairness is by time, not by count.
    expect(pick([member('a', { load: 4, lastAssignedAt: 1 }), member('b', { load: 0, lastAssignedAt: 2 })])).toBe('a');
  });

  it('keeps a category with a team inside that team, and lets anyone take the rest', () => {
    const cs = [member('x'), member('b1', { lastAssignedAt: 10 }), member('b2', { lastAssignedAt: 5 })];
    expect(teamOf([billing], 'Billing')).toBe(billing);
    expect(teamOf([billing], 'billing')).toBeNull();
    expect(chooseAssignee(cs, billing)?.id).toBe('b2');
    expect(chooseAssignee(cs, null)?.id).toBe('x');
    expect(chooseAssignee([member('x'), member('b1', { status: 'away' })], billing)).toBeNull();
  });
});

describe('a routing round', () => {
  it('assigns oldest first, spreads a burst over the members and stops at capacity', () => {
    const tickets = [ticket('t3', 3), ticket('t1', 1), ticket('t2', 2), ticket('t4', 4), ticket('t5', 5)];
    const { assignments, stillWaiting } = planAssignments(tickets, [member('a', { capacity: 2 }), member('b', { capacity: 1 })], [], 1000);
    expect(assignments).toEqual([
      { ticketId: 't1', memberId: 'a' }, { ticketId: 't2', memberId: 'b' }, { ticketId: 't3', memberId: 'a' },
    ]);
    expect(stillWaiting.map((t) => t.id)).toEqual(['t4', 't5']);
  });

  it('does not block other teams behind a team with nobody free', () => {
    const tickets = [ticket('bill', 1, 'Billing'), ticket('gen', 2)];
    const { assignments, stillWaiting } = planAssignments(tickets, [member('x')], [billing], 0);
    expect(assignments).toEqual([{ ticketId: 'gen', memberId: 'x' }]);
    expect(stillWaiting.map((t) => t.id)).toEqual(['bill']);
  });

  it('never plans more than a member can take, whatever the input', () => {
    for (let round = 0; round < 200; round++) {
      const cs = Array.from({ length: 1 + (round % 4) }, (_, i) => member(`m${i}`, {
        capacity: (round * 7 + i) % 4, load: (round + i) % 3, status: (['online', 'away', 'offline'] as const)[(round + i) % 3],
      }));
      const ts = Array.from({ length: round % 9 }, (_, i) => ticket(`t${i}`, (i * 13) % 7, i % 2 ? 'Billing' : 'General'));
      const team: TeamRoute = { id: 'T', memberIds: ['m0'], categories: ['Billing'] };
      const { assignments, stillWaiting } = planAssignments(ts, cs, [team], 0);
      expect(assignments.length + stillWaiting.length).toBe(ts.length);
      expect(new Set(assignments.map((a) => a.ticketId)).size).toBe(assignments.length);
      for (const c of cs) {
        const got = assignments.filter((a) => a.memberId === c.id).length;
        if (got) expect(c.status === 'online' && c.load + got <= c.capacity).toBe(true);
      }
      for (const a of assignments) if (ts.find((t) => t.id === a.ticketId)!.category === 'Billing') expect(a.memberId).toBe('m0');
    }
  });
});

describe('queue positions', () => {
  it('numbers waiting tickets per team, oldest first', () => {
    const positions = queuePositions([ticket('g2', 5), ticket('b1', 1, 'Billing'), ticket('g1', 2), ticket('b2', 9, 'Billing')], [billing]);
    expect(Object.fromEntries(positions)).toEqual({ b1: 1, g1: 1, g2: 2, b2: 2 });
  });
});

describe('transfer targets', () => {
  const target = { name: 'Tia', active: true, capacity: 2, load: 1 };
  it('takes an active member with room, whatever their status', () => {
    expect(transferRefusal(target)).toBeNull();
  });
  it('refuses no one, a deactivated member, and a member at or above capacity', () => {
    expect(transferRefusal(null)).toMatchObject({ code: 'bad_request' });
    expect(transferRefusal({ ...target, active: false })).toMatchObject({ code: 'bad_request' });
    expect(transferRefusal({ ...target, load: 2 })).toEqual({ code: 'invalid_state', message: 'Tia is at capacity (2 of 2 tickets)' });
    expect(transferRefusal({ ...target, capacity: 0, load: 0 })).toMatchObject({ code: 'invalid_state' });
  });
});
