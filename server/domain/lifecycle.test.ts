import { describe, expect, it } from 'vitest';
import { TICKET_ACTIONS, TICKET_STATUSES, type TicketStatus } from '../../protocol/index.ts';
import type { Actor } from './actor.ts';
import { canHandOver, canSend, canTransition, canView, isFinal, TRANSITIONS, type TicketFacts } from './lifecycle.ts';

const member: Actor = { kind: 'staff', id: 'm1', name: 'Mia', role: 'member' };
const other: Actor = { kind: 'staff', id: 'm2', name: 'Max', role: 'member' };
const admin: Actor = { kind: 'staff', id: 'a1', name: 'Ada', role: 'admin' };
const customer: Actor = { kind: 'customer', id: 'c1', name: null, siteId: 's1', verified: false };
const stranger: Actor = { kind: 'customer', id: 'c2', name: null, siteId: 's1', verified: false };
const otherSite: Actor = { kind: 'customer', id: 'c1', name: null, siteId: 's2', verified: false };

const ticket = (status: TicketStatus, assigneeId: string | null = status === 'open' ? null : 'm1'): TicketFacts => ({
  status, customerId: 'c1', siteId: 's1', assigneeId,
});

describe('ticket state machine', () => {
  it('allows exactly open→assigned, open→rejected, assigned→closed, assigned→open', () => {
    const allowed: string[] = [];
    for (const status of TICKET_STATUSES) {
      for (const action of TICKET_ACTIONS) {
        if (canTransition(admin, ticket(status), action).ok) allowed.push(`${status}:${action}→${TRANSITIONS[action].to}`);
      }
    }
    expect(allowed.sort()).toEqual(['assigned:close→closed', 'assigned:release→open', 'open:accept→assigned', 'open:reject→rejected']);
  });

  it('treats rejected and closed as final', () => {
    expect(TICKET_STATUSES.filter(isFinal)).toEqual(['rejected', 'closed']);
    for (const action of TICKET_ACTIONS) {
      expect(canTransition(admin, ticket('closed'), action)).toMatchObject({ ok: false, code: 'invalid_state' });
      expect(canTransition(admin, ticket('rejected'), action)).toMatchObject({ ok: false, code: 'invalid_state' });
    }
  });

  it('never lets a customer transition a ticket, even their own', () => {
    for (const action of TICKET_ACTIONS) {
      expect(canTransition(customer, ticket(TRANSITIONS[action].from), action)).toMatchObject({ ok: false, code: 'forbidden' });
    }
  });

  it('lets any member accept or reject an open ticket', () => {
    expect(canTransition(other, ticket('open'), 'accept').ok).toBe(true);
    expect(canTransition(other, ticket('open'), 'reject').ok).toBe(true);
  });

  it('lets only the assignee or an admin close', () => {
    expect(canTransition(member, ticket('assigned'), 'close').ok).toBe(true);
    expect(canTransition(admin, ticket('assigned'), 'close').ok).toBe(true);
    expect(canTransition(other, ticket('assigned'), 'close')).toMatchObject({ ok: false, code: 'forbidden' });
  });

  it('lets only the assignee or an admin release or transfer, only while assigned', () => {
    for (const verb of ['release', 'transfer'] as const) {
      expect(canHandOver(member, ticket('assigned'), verb).ok).toBe(true);
      expect(canHandOver(admin, ticket('assigned'), verb).ok).toBe(true);
      expect(canHandOver(other, ticket('assigned'), verb)).toMatchObject({ ok: false, code: 'forbidden' });
      expect(canHandOver(customer, ticket('assigned'), verb)).toMatchObject({ ok: false, code: 'forbidden' });
      expect(canHandOver({ kind: 'integration', id: 't1', name: 'bot', scopes: ['tickets:write'] }, ticket('assigned'), verb)).toMatchObject({ ok: false, code: 'forbidden' });
      for (const status of ['open', 'rejected', 'closed'] as const) {
        expect(canHandOver(admin, ticket(status), verb)).toMatchObject({ ok: false, code: 'invalid_state', message: `cannot ${verb} a ticket that is ${status}` });
      }
    }
    // Release is the transition assigned → open, with the same who-may.
    expect(canTransition(other, ticket('assigned'), 'release')).toEqual(canHandOver(other, ticket('assigned'), 'release'));
  });

  it('reports a late accept as a state conflict', () => {
    expect(canTransition(other, ticket('assigned'), 'accept')).toMatchObject({ ok: false, code: 'invalid_state' });
  });
});

describe('visibility', () => {
  it('shows a customer only their own tickets on their own site', () => {
    expect(canView(customer, ticket('open'))).toBe(true);
    expect(canView(stranger, ticket('open'))).toBe(false);
    expect(canView(otherSite, ticket('open'))).toBe(false);
  });

  it('shows a member the open tickets and their own assigned ones', () => {
    expect(canView(other, ticket('open'))).toBe(true);
    expect(canView(member, ticket('assigned'))).toBe(true);
    expect(canView(other, ticket('assigned'))).toBe(false);
    expect(canView(other, ticket('closed'))).toBe(false);
    expect(canView(other, ticket('rejected', 'm1'))).toBe(false);
  });

  it('shows an admin everything', () => {
    for (const status of TICKET_STATUSES) expect(canView(admin, ticket(status, 'm2'))).toBe(true);
  });
});

describe('sending', () => {
  it('allows the customer and the assignee while assigned', () => {
    expect(canSend(customer, ticket('assigned')).ok).toBe(true);
    expect(canSend(member, ticket('assigned')).ok).toBe(true);
    expect(canSend(admin, ticket('assigned')).ok).toBe(true);
  });

  it('refuses other members, strangers, and every state but assigned', () => {
    expect(canSend(other, ticket('assigned'))).toMatchObject({ ok: false, code: 'not_found' });
    expect(canSend(other, ticket('open'))).toMatchObject({ ok: false, code: 'forbidden' });
    expect(canSend(stranger, ticket('assigned'))).toMatchObject({ ok: false, code: 'not_found' });
    expect(canSend(customer, ticket('open'))).toMatchObject({ ok: false, code: 'invalid_state' });
    expect(canSend(customer, ticket('closed'))).toMatchObject({ ok: false, code: 'invalid_state' });
    expect(canSend(member, ticket('closed'))).toMatchObject({ ok: false, code: 'invalid_state' });
    expect(canSend(customer, ticket('rejected', null))).toMatchObject({ ok: false, code: 'invalid_state' });
  });
});
