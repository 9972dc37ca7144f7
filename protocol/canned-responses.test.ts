import { describe, expect, it } from 'vitest';
import { CANNED_SHORTCUT, fillPlaceholders, matchCanned, type CannedResponse } from './canned-responses.ts';

const r = (shortcut: string, title = shortcut, body = ''): CannedResponse => ({ id: shortcut, shortcut, title, body, scope: 'team', ownerId: null, createdAt: '', updatedAt: '' });

describe('canned responses', () => {
  it('fills the three placeholders, with or without spaces, and leaves unknown ones', () => {
    const values = { 'customer.name': 'Ada', 'agent.name': 'Mia', 'ticket.id': 't-1' };
    expect(fillPlaceholders('Hi {{customer.name}}, {{ agent.name }} here about {{ticket.id}}. {{order.id}} {{customer.name}}', values))
      .toBe('Hi Ada, Mia here about t-1. {{order.id}} Ada');
    // A value that looks like a placeholder is not filled again.
    expect(fillPlaceholders('{{customer.name}}', { ...values, 'customer.name': '{{agent.name}}' })).toBe('{{agent.name}}');
  });

  it('puts shortcut prefix matches first, then any text match, each by shortcut', () => {
    const list = [r('thanks', 'Thank you'), r('refund', 'Refund policy', 'money back in 5 days'), r('hello'), r('ref-no', 'Reference')];
    expect(matchCanned(list, 'ref').map((x) => x.shortcut)).toEqual(['ref-no', 'refund']);
    expect(matchCanned(list, 'MONEY').map((x) => x.shortcut)).toEqual(['refund']);
    expect(matchCanned(list, '').map((x) => x.shortcut)).toEqual(['hello', 'ref-no', 'refund', 'thanks']);
    expect(matchCanned(list, 'zzz')).toEqual([]);
  });

  it('accepts only short lowercase shortcuts', () => {
    expect(['a', 'refund-2', 'x_y', 'a'.repeat(32)].every((s) => CANNED_SHORTCUT.test(s))).toBe(true);
    expect(['', 'Refund', 'two words', 'a'.repeat(33), 'é', '/x'].some((s) => CANNED_SHORTCUT.test(s))).toBe(false);
  });
});
