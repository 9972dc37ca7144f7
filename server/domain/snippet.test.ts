import { describe, expect, it } from 'vitest';
import { snippetParts } from '../../protocol/index.ts';
import { HIT_END, HIT_START, leadSnippet, parseHeadline } from './snippet.ts';

const mark = (s: string) => s.replaceAll('[', HIT_START).replaceAll(']', HIT_END);

describe('search snippets', () => {
  it('turns sentinel markers into plain text and offsets', () => {
    const r = parseHeadline(mark('my [refunds] never [arrived], the invoice'));
    expect(r.snippet).toBe('my refunds never arrived, the invoice');
    expect(r.highlights.map(([s, e]) => r.snippet.slice(s, e))).toEqual(['refunds', 'arrived']);
  });

  it('keeps markup in user text as text, and offsets in UTF-16 units', () => {
    const r = parseHeadline(mark('<img src=x onerror=alert(1)> 😀 [café]'));
    expect(r.snippet).toBe('<img src=x onerror=alert(1)> 😀 café');
    expect(r.snippet.slice(...r.highlights[0]!)).toBe('café');
  });

  it('drops unbalanced and empty markers', () => {
    expect(parseHeadline(mark('a] [b [] c'))).toEqual({ snippet: 'a b c', highlights: [] });
    expect(parseHeadline(mark('  two\n\n lines [hit] '))).toEqual({ snippet: 'two lines hit', highlights: [[10, 13]] });
    expect(parseHeadline(mark('[x'))).toEqual({ snippet: 'x', highlights: [] });
  });

  it('splits a snippet into parts for rendering, ignoring ranges out of bounds or overlapping', () => {
    expect(snippetParts('abcdef', [[1, 3], [2, 4], [5, 99]])).toEqual([
      { text: 'a', hit: false }, { text: 'bc', hit: true }, { text: 'd', hit: true }, { text: 'e', hit: false }, { text: 'f', hit: true },
    ]);
    expect(snippetParts('abc', [])).toEqual([{ text: 'abc', hit: false }]);
  });

  it('cuts a long lead at a word boundary', () => {
    expect(leadSnippet('short  text\n here')).toBe('short text here');
    const long = leadSnippet('word '.repeat(100), 50);
    expect(long.length).toBeLessThanOrEqual(52);
    expect(long.endsWith(' …')).toBe(true);
  });
});
