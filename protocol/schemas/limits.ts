/**
 * Limits only the edge checks (the forms of the clients need none of them), kept apart from
 * protocol/limits.ts so they add nothing to the widget bundle.
 */
export const EDGE_LIMITS = {
  /** Tickets (`GET /api/tickets`) and chats (`GET /api/chats`) returned at most. */
  listMax: 500,
  /** Largest sequence number (`after`, `before`, `seq`): PostgreSQL `int`. */
  maxSeq: 2_147_483_647,
  /** Identity ids and hashes, site keys and visitor tokens. */
  identityId: 128,
  hash: 128,
  siteKey: 64,
  token: 512,
  /** A frame's `ref` and any id in a frame. */
  ref: 64,
  origins: { items: 50, length: 200 },
  categories: { items: 30 },
  /** `categoryLabels`: languages per site, each a tag like `ar` or `pt-br`. */
  labelLanguages: { items: 20, length: 16 },
} as const;
