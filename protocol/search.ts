// Full-text search and the admin conversations inbox on the wire (`GET /api/search`, `GET /api/chats`).
import type { Ticket } from './tickets.ts';

/** How a result matched: its id, its customer's email, or words of its description, messages or notes. */
export type SearchMatch = 'id' | 'email' | 'text';

/**
 * One search hit. `snippet` is plain text (never markup); `highlights` are the matched words in it as
 * `[start, end)` offsets in UTF-16 code units, so a client marks them up without parsing HTML.
 */
export interface SearchResult {
  ticket: Ticket;
  snippet: string;
  highlights: [number, number][];
  match: SearchMatch;
  /** True when the snippet quotes an internal note (staff only), not something the customer saw. */
  internal?: boolean;
}

export interface SearchResponse {
  results: SearchResult[];
}

/** Splits a snippet into plain and highlighted parts, in order (for rendering as text nodes). */
export function snippetParts(snippet: string, highlights: readonly (readonly [number, number])[]): { text: string; hit: boolean }[] {
  const parts: { text: string; hit: boolean }[] = [];
  let at = 0;
  for (const [start, end] of [...highlights].sort((a, b) => a[0] - b[0])) {
    const s = Math.max(start, at);
    const e = Math.min(end, snippet.length);
    if (e <= s) continue;
    if (s > at) parts.push({ text: snippet.slice(at, s), hit: false });
    parts.push({ text: snippet.slice(s, e), hit: true });
    at = e;
  }
  if (at < snippet.length) parts.push({ text: snippet.slice(at), hit: false });
  return parts;
}
