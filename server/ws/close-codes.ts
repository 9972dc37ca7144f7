/** Close codes the clients understand: 4001 means "credentials revoked, sign in again". */
export const CLOSE_REVOKED = 4001;
export const CLOSE_AUTH = 4003;
/** Too many sockets for one credential (the cap in README, "Limits"). */
export const CLOSE_TOO_MANY = 1008;
/** The server is shutting down; reconnect (to another instance). */
export const CLOSE_GOING_AWAY = 1001;
