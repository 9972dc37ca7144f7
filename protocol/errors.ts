/** Stable error codes shared by HTTP bodies and socket `error` frames. */
export const ERROR_CODES = [
  'bad_request',
  'unauthorized',
  'forbidden',
  'not_found',
  'conflict',
  'invalid_state',
  'too_large',
  /** An upload whose content (detected, not its name) is not an allowed type. */
  'type_not_allowed',
  'rate_limited',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** HTTP error body: `{"error": {"code": "not_found", "message": "..."}}`. */
export interface ErrorBody {
  error: { code: ErrorCode; message: string };
}

/** HTTP status that goes with each code, so server and clients agree. */
export const ERROR_STATUS: Record<ErrorCode, number> = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  invalid_state: 409,
  too_large: 413,
  type_not_allowed: 400,
  rate_limited: 429,
  internal: 500,
};
