/** Limits enforced by the server and mirrored by clients' forms. */
export const LIMITS = {
  /** Largest socket frame the server accepts (ws maxPayload). */
  maxFrameBytes: 64 * 1024,
  /** Largest JSON request body. */
  maxBodyBytes: 64 * 1024,
  messageBody: 4000,
  clientId: 64,
  category: 64,
  description: 4000,
  rejectReason: 500,
  name: 120,
  email: 254,
  password: { min: 10, max: 256 },
  /** Messages returned by one history page at most (a larger `limit` is capped to it). */
  pageSize: 200,
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
} as const;
