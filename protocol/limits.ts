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
  /** Messages returned by one history page at most. */
  pageSize: 200,
} as const;
