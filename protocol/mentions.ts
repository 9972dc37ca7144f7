/**
 * `@name` mentions in an internal note. A member is mentioned by `@` and their name (any case, with
 * or without its spaces: `@Ana Lima`, `@analima`) or their email's local part (`@ana.lima`), not glued
 * to a word before it (`x@ana` is an address, not a mention) nor followed by more of a word.
 */
export interface Mentionable { id: string; name: string; email: string }

const WORD = /[\p{L}\p{N}_]/u;

/** The forms of a member's handle, lower case. */
const handles = (m: Mentionable): string[] => {
  const name = m.name.trim().toLowerCase();
  return [...new Set([name, name.replace(/\s+/g, ''), m.email.split('@')[0]!.toLowerCase()].filter((h) => h.length > 0))];
};

/** The ids of the members `body` mentions, each once, in the order of their first mention. */
export function mentionedIn(body: string, members: readonly Mentionable[]): string[] {
  const text = body.toLowerCase();
  const found: string[] = [];
  for (let at = text.indexOf('@'); at !== -1; at = text.indexOf('@', at + 1)) {
    if (at > 0 && WORD.test(text[at - 1]!)) continue;
    let best: { id: string; length: number } | null = null;
    for (const m of members) {
      for (const h of handles(m)) {
        if (!text.startsWith(h, at + 1)) continue;
        const next = text[at + 1 + h.length];
        if (next !== undefined && WORD.test(next)) continue;
        if (!best || h.length > best.length) best = { id: m.id, length: h.length };
      }
    }
    if (best && !found.includes(best.id)) found.push(best.id);
  }
  return found;
}
