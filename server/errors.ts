import { ERROR_STATUS, type ErrorCode } from '../protocol/index.ts';

/** The one error type services throw; the HTTP and socket layers turn it into `{error: {code, message}}`. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly expose = true;
  constructor(code: ErrorCode, message: string) {
    super(message);
    this.code = code;
    this.status = ERROR_STATUS[code];
  }
}

export const badRequest = (message: string) => new AppError('bad_request', message);
export const notFound = (what: string) => new AppError('not_found', `${what} not found`);
export const forbidden = (message = 'you are not allowed to do this') => new AppError('forbidden', message);
export const unauthorized = (message = 'sign in first') => new AppError('unauthorized', message);
