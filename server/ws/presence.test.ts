import { describe, expect, it } from 'vitest';
import { PresenceBook } from './presence.ts';

const mia = { kind: 'member' as const, id: 'mia', name: 'Mia' };
const ada = { kind: 'admin' as const, id: 'ada', name: 'Ada' };

describe('PresenceBook', () => {
  it('counts a person once however many sockets they hold, and changes only on the first and last', () => {
    const book = new PresenceBook();
    expect(book.add(mia)).toBe(true);
    expect(book.add(mia)).toBe(false);
    expect(book.localStaff()).toEqual([mia]);
    expect(book.remove('mia')).toBe(false);
    expect(book.localStaff()).toEqual([mia]);
    expect(book.remove('mia')).toBe(true);
    expect(book.localStaff()).toEqual([]);
    expect(book.remove('mia')).toBe(false);
  });

  it('merges what other instances announce, each person once, and forgets an instance that went quiet', () => {
    const book = new PresenceBook();
    book.add(mia);
    book.setRemote('b', [mia, ada], 1_000);
    expect(book.online(1_000).map((e) => e.id).sort()).toEqual(['ada', 'mia']);
    // An announcement replaces the instance's previous one; an empty one removes it.
    book.setRemote('b', [ada], 2_000);
    expect(book.online(2_000).map((e) => e.id).sort()).toEqual(['ada', 'mia']);
    book.setRemote('b', [], 3_000);
    expect(book.online(3_000)).toEqual([mia]);
    // Announcements older than the TTL (instance died without a word) stop counting.
    book.setRemote('c', [ada], 10_000);
    expect(book.online(69_000).map((e) => e.id)).toContain('ada');
    expect(book.online(71_000).map((e) => e.id)).toEqual(['mia']);
  });
});
