/** The credentials were revoked (signed out, deactivated, token replaced): do not reconnect with them. */
export const CLOSE_REVOKED = 4001;
/** Authentication failed (bad token, origin not allowed, too slow to authenticate). */
export const CLOSE_AUTH_FAILED = 4003;
/**
 * The server is restarting on purpose (SIGTERM, a rolling deploy) after answering every frame it
 * read: reconnect at once, without backoff, and resume (the standard 1012 "Service Restart").
 */
export const CLOSE_RESTARTING = 1012;

/** WebSocket close codes the server uses and the clients act on (4000-4999 are the application's). */
export const CLOSE_CODES = {
  revoked: CLOSE_REVOKED,
  authFailed: CLOSE_AUTH_FAILED,
  restarting: CLOSE_RESTARTING,
  // 4010-4019 are kept for other server lifecycle codes.
} as const;
export type CloseCode = (typeof CLOSE_CODES)[keyof typeof CLOSE_CODES];
