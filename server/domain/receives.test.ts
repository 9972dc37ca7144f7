import { describe, expect, it } from 'vitest';
import { TICKET_STATUSES, type TicketStatus } from '../../protocol/index.ts';
import type { Actor } from './actor.ts';
import { canView } from './lifecycle.ts';
import { receives, type Delivery } from './receives.ts';

const assignee: Actor = { kind: 'staff', id: 'm1', name: 'Mia', role: 'member' };
const other: Actor = { kind: 'staff', id: 'm2', name: 'Max', role: 'member' };
const admin: Actor = { kind: 'staff', id: 'a1', name: 'Ada', role: 'admin' };
const owner: Actor = { kind: 'customer', id: 'c1', name: null, siteId: 's1', verified: false };
const ownerVerified: Actor = { ...owner, verified: true };
const stranger: Actor = { kind: 'customer', id: 'c2', name: null, siteId: 's1', verified: true };
const otherSite: Actor = { kind: 'customer', id: 'c1', name: null, siteId: 's2', verified: true };
const everyone = { assignee, other, admin, owner, ownerVerified, stranger, otherSite };

const facts = (status: TicketStatus, requireIdentity = false) => ({
  status, customerId: 'c1', siteId: 's1', assigneeId: status === 'open' || status === 'rejected' ? null : 'm1', requireIdentity,
});
const who = (e: Delivery) => Object.entries(everyone).filter(([, a]) => receives(a, e)).map(([k]) => k);

describe('who receives which event', () => {
  it('tells every staff member of new, accepted and rejected tickets, and the customer when they may see it', () => {
    expect(who({ type: 'ticket_created', ticket: facts('open') })).toEqual(['assignee', 'other', 'admin', 'owner', 'ownerVerified']);
    expect(who({ type: 'ticket_accepted', ticket: facts('assigned') })).toEqual(['assignee', 'other', 'admin', 'owner', 'ownerVerified']);
    expect(who({ type: 'ticket_rejected', ticket: facts('rejected') })).toEqual(['assignee', 'other', 'admin', 'owner', 'ownerVerified']);
  });

  it('tells of a close or an update only those who may see the ticket after it', () => {
    expect(who({ type: 'ticket_closed', ticket: facts('closed') })).toEqual(['assignee', 'admin', 'owner', 'ownerVerified']);
    expect(who({ type: 'ticket_updated', ticket: facts('assigned') })).toEqual(['assignee', 'admin', 'owner', 'ownerVerified']);
    expect(who({ type: 'ticket_updated', ticket: facts('open') })).toEqual(['assignee', 'other', 'admin', 'owner', 'ownerVerified']);
  });

  it('tells the member a transfer took the ticket from, besides those who may see it after', () => {
    const toOther = { ...facts('assigned'), assigneeId: 'm2' };
    expect(who({ type: 'ticket_updated', ticket: toOther })).toEqual(['other', 'admin', 'owner', 'ownerVerified']);
    expect(who({ type: 'ticket_updated', ticket: toOther, before: facts('assigned') })).toEqual(['assignee', 'other', 'admin', 'owner', 'ownerVerified']);
  });

  it('keeps an unverified customer of a site that requires identity out of everything', () => {
    for (const status of TICKET_STATUSES) {
      for (const type of ['ticket_created', 'ticket_closed', 'message', 'presence'] as const) {
        expect(receives(owner, { type, ticket: facts(status, true) })).toBe(false);
        expect(receives(ownerVerified, { type, ticket: facts(status, true) })).toBe(canView(ownerVerified, facts(status, true)));
      }
    }
  });

  it('relays messages, typing and reads to those who may see the ticket, typing and reads never back to their author', () => {
    for (const status of TICKET_STATUSES) {
      const ticket = facts(status);
      expect(who({ type: 'message', ticket })).toEqual(Object.keys(everyone).filter((k) => canView(everyone[k as keyof typeof everyone], ticket)));
    }
    expect(who({ type: 'typing', ticket: facts('assigned'), fromId: 'c1' })).toEqual(['assignee', 'admin']);
    expect(who({ type: 'read', ticket: facts('assigned'), fromId: 'm1' })).toEqual(['admin', 'owner', 'ownerVerified']);
    // In a room (membership already checked), only the author is left out.
    expect(who({ type: 'typing', fromId: 'm1' })).toEqual(['other', 'admin', 'owner', 'ownerVerified', 'stranger', 'otherSite']);
  });

  it('tells customers, not staff, who of the staff is online; a room presence to those who may see the ticket', () => {
    expect(who({ type: 'presence' })).toEqual(['owner', 'ownerVerified', 'stranger', 'otherSite']);
    expect(who({ type: 'presence', ticket: facts('assigned') })).toEqual(['assignee', 'admin', 'owner', 'ownerVerified']);
  });
});

describe('who receives internal notes and mentions', () => {
  it('gives notes to staff who may see the ticket, never to a customer, its owner included', () => {
    expect(who({ type: 'note' })).toEqual(['assignee', 'other', 'admin']);
    expect(who({ type: 'note', ticket: facts('assigned') })).toEqual(['assignee', 'admin']);
    for (const status of TICKET_STATUSES) expect(who({ type: 'note', ticket: facts(status) })).not.toContain('owner');
  });

  it('tells only the member mentioned, and only if they may see the ticket', () => {
    expect(who({ type: 'mention', ticket: facts('open'), toId: 'm2' })).toEqual(['other']);
    expect(who({ type: 'mention', ticket: facts('assigned'), toId: 'm2' })).toEqual([]);
    expect(who({ type: 'mention', ticket: facts('assigned'), toId: 'c1' })).toEqual([]);
  });
});
