// Canned responses (saved replies): the wire shape, the limits, and the placeholder filling and
// filtering the console's composer uses.

export const CANNED_SCOPES = ['team', 'personal'] as const;
export type CannedScope = (typeof CANNED_SCOPES)[number];

export interface CannedResponse {
  id: string;
  /** Typed after `/` in the composer: 1-32 lowercase letters, digits, `-` or `_`. */
  shortcut: string;
  title: string;
  body: string;
  /** Team responses are managed by admins and used by everyone; personal ones belong to one member. */
  scope: CannedScope;
  /** The owner of a personal response; null for team ones. */
  ownerId: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface NewCannedResponse {
  shortcut: string;
  title: string;
  body: string;
  scope: CannedScope;
}

export const CANNED_LIMITS = { title: 100, body: 4000 } as const;
export const CANNED_SHORTCUT = /^[a-z0-9_-]{1,32}$/;

/** What placeholders are filled with. */
export interface PlaceholderValues {
  'customer.name': string;
  'agent.name': string;
  'ticket.id': string;
}

/** Replaces `{{customer.name}}`, `{{agent.name}}` and `{{ticket.id}}` (spaces inside the braces allowed); unknown ones stay as written. */
export function fillPlaceholders(body: string, values: PlaceholderValues): string {
  return body.replace(/\{\{\s*([a-z]+\.[a-z]+)\s*\}\}/g, (whole, key: string) => (key in values ? values[key as keyof PlaceholderValues] : whole));
}

/** Responses whose shortcut starts with the query first, then those whose shortcut, title or body contains it. */
export function matchCanned(list: readonly CannedResponse[], query: string): CannedResponse[] {
  const q = query.trim().toLowerCase();
  if (!q) return [...list].sort((a, b) => a.shortcut.localeCompare(b.shortcut));
  const starts = list.filter((r) => r.shortcut.startsWith(q));
  const contains = list.filter((r) => !r.shortcut.startsWith(q) && `${r.shortcut} ${r.title} ${r.body}`.toLowerCase().includes(q));
  const byShortcut = (a: CannedResponse, b: CannedResponse) => a.shortcut.localeCompare(b.shortcut);
  return [...starts.sort(byShortcut), ...contains.sort(byShortcut)];
}
