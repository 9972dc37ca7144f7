// Finds web addresses in message text so the chat can show them as links. Only http(s) addresses
// become links (never javascript:, data: or the like); everything else stays text, which Lit escapes.

export type TextPart = string | { href: string; text: string };

const URL_LIKE = /\b(?:https?:\/\/|www\.)[^\s<>"']+/gi;
/** Punctuation that usually ends a sentence rather than the address. */
const TRAILING = /[.,;:!?)\]}'"»]+$/;

/** Splits text into plain strings and links, in order; joining the texts gives back the input. */
export function linkParts(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let last = 0;
  for (const match of text.matchAll(URL_LIKE)) {
    let raw = match[0];
    // Keep a closing bracket that the address itself opened, as in Wikipedia links.
    const trail = raw.match(TRAILING)?.[0] ?? '';
    if (trail && !(trail.startsWith(')') && raw.slice(0, -trail.length).includes('('))) raw = raw.slice(0, -trail.length);
    const href = safeHref(raw);
    if (!href) continue;
    const at = match.index;
    if (at > last) parts.push(text.slice(last, at));
    parts.push({ href, text: raw });
    last = at + raw.length;
  }
  if (last < text.length) parts.push(text.slice(last));
  return parts;
}

function safeHref(raw: string): string | null {
  try {
    const url = new URL(/^www\./i.test(raw) ? `https://${raw}` : raw);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}
