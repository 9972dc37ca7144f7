import { describe, expect, it } from 'vitest';
import { mentionedIn } from './mentions.ts';

const ana = { id: 'a', name: 'Ana Lima', email: 'ana.lima@x.test' };
const anab = { id: 'b', name: 'Ana', email: 'ana@x.test' };
const bo = { id: 'c', name: 'Bo', email: 'bo@x.test' };

describe('mentionedIn', () => {
  it('finds a member by full name, name without spaces, or email local part, in any case', () => {
    expect(mentionedIn('@Ana Lima can you look?', [ana, bo])).toEqual(['a']);
    expect(mentionedIn('ping @analima', [ana, bo])).toEqual(['a']);
    expect(mentionedIn('ping @ANA.LIMA.', [ana, bo])).toEqual(['a']);
  });
  it('prefers the longest handle and lists each member once, in order', () => {
    expect(mentionedIn('@ana lima and @ana, @bo and @Ana Lima again', [anab, ana, bo])).toEqual(['a', 'b', 'c']);
  });
  it('ignores email addresses, partial words and unknown names', () => {
    expect(mentionedIn('write to bo@x.test', [bo])).toEqual([]);
    expect(mentionedIn('@bob is not bo', [bo])).toEqual([]);
    expect(mentionedIn('@nobody @', [ana, bo])).toEqual([]);
  });
});
