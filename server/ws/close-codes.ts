import { CLOSE_CODES } from '../../protocol/index.ts';

/** Close codes the clients understand (protocol/close-codes.ts): 4001 means "credentials revoked, sign in again". */
export const CLOSE_REVOKED = CLOSE_CODES.revoked;
export const CLOSE_AUTH = CLOSE_CODES.authFailed;
/** A graceful restart: the client reconnects at once (to another instance) and resumes. */
export const CLOSE_RESTART = CLOSE_CODES.restarting;
/** Too many sockets for one credential (the cap in README, "Limits"). */
export const CLOSE_TOO_MANY = 1008;
/** The server is shutting down; reconnect (to another instance). */
export const CLOSE_GOING_AWAY = 1001;
