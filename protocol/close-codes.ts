/** The credentials were revoked (signed out, deactivated, token replaced): do not reconnect with them. */
export const CLOSE_REVOKED = 4001;
/** Authentication failed (bad token, origin not allowed, too slow to authenticate). */
export const CLOSE_AUTH_FAILED = 4003;

/** WebSocket close codes the server uses and the clients act on (4000-4999 are the application's). */
export const CLOSE_CODES = {
  revoked: CLOSE_REVOKED,
  authFailed: CLOSE_AUTH_FAILED,
  // 4010-4019 are kept for server lifecycle codes (e.g. "server restarting, resume at once").
} as const;
export type CloseCode = (typeof CLOSE_CODES)[keyof typeof CLOSE_CODES];
