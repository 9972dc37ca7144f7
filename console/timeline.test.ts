import { expect } from 'chai';
import { timeline } from './timeline.ts';
import { makeMessage } from './test/fixtures.ts';

describe('timeline', () => {
  const staff = (seq: number, id = 'me', createdAt = '2026-03-01T10:00:00Z') => makeMessage(seq, { author: { kind: 'member', id, name: id }, createdAt });

  it('puts one date line before the first message of each day', () => {
    const items = timeline([makeMessage(1, { createdAt: '2026-03-01T10:00:00Z' }), makeMessage(2, { createdAt: '2026-03-03T10:00:00Z' })], 0, 'me');
    expect(items.map((i) => i.kind)).to.deep.equal(['day', 'message', 'day', 'message']);
  });

  it('starts a new group when the author changes or after five quiet minutes', () => {
    const t = (m: number) => new Date(Date.parse('2026-03-01T10:00:00Z') + m * 60000).toISOString();
    const items = timeline([staff(1, 'me', t(0)), staff(2, 'me', t(4)), staff(3, 'other', t(5)), staff(4, 'other', t(11))], 0, 'me');
    expect(items.flatMap((i) => (i.kind === 'message' ? [i.first] : []))).to.deep.equal([true, false, true, true]);
  });

  it('marks "seen" on the last staff message read, including another member\'s, and "sent" on my last unread one', () => {
    const items = timeline([staff(1), staff(2, 'other'), makeMessage(3), staff(4)], 3, 'me');
    expect(items.flatMap((i) => (i.kind === 'message' ? [i.receipt] : []))).to.deep.equal([null, 'seen', null, 'sent']);
    const none = timeline([makeMessage(1)], 1, 'me');
    expect(none.flatMap((i) => (i.kind === 'message' ? [i.receipt] : []))).to.deep.equal([null]);
  });
});
