// Search snippets: ts_headline marks matched words with two sentinel characters, which are taken out
// of the text first, so the markers in its output can only be its own. The client gets plain text
// plus offsets and never has to trust markup made from user text.

/** Private-use characters: no keyboard types them, and they are removed from the text before marking. */
export const HIT_START = '\uE000';
export const HIT_END = '\uE001';
/** ts_headline drops what looks like an HTML tag; `<` and `>` travel as these and come back after. */
const LT = '\uE002';
const GT = '\uE003';
/** `translate(text, from, to)` arguments that hide `<` `>` and delete stray sentinels before ts_headline. */
export const HEADLINE_TRANSLATE = { from: `<>${HIT_START}${HIT_END}`, to: `${LT}${GT}` };
/** ts_headline options: the sentinels, and a fragment of about a sentence or two. */
export const HEADLINE_OPTIONS = `StartSel=${HIT_START}, StopSel=${HIT_END}, MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "`;

/**
 * Plain text (white space runs made one space, trimmed) and the `[start, end)` offsets of the marked
 * words. Unbalanced markers are dropped.
 */
export function parseHeadline(marked: string): { snippet: string; highlights: [number, number][] } {
  let snippet = '';
  const highlights: [number, number][] = [];
  let open: number | null = null;
  for (const ch of marked) {
    if (ch === HIT_START) open = snippet.length;
    else if (ch === HIT_END) {
      if (open !== null && snippet.length > open) highlights.push([open, snippet.length]);
      open = null;
    } else if (/\s/.test(ch)) {
      if (snippet && !snippet.endsWith(' ')) snippet += ' ';
    } else snippet += ch === LT ? '<' : ch === GT ? '>' : ch;
  }
  if (snippet.endsWith(' ')) snippet = snippet.slice(0, -1);
  return { snippet, highlights: highlights.map(([s, e]) => [s, Math.min(e, snippet.length)] as [number, number]).filter(([s, e]) => e > s) };
}

/** The start of a text as a snippet, cut at a word boundary near `max` characters. */
export function leadSnippet(text: string, max = 160): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.lastIndexOf(' ', max);
  return `${flat.slice(0, cut > max / 2 ? cut : max)} …`;
}
