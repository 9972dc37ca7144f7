// The widget's HTTP calls: the shared client of protocol/ (JSON in and out, errors as HttpError with the
// server's code, `network` when it cannot be reached), with the visitor token as a Bearer token.
import { httpRequest, type HttpError } from '../protocol/http-client.ts';

export type ApiError = HttpError;

/** GET `path`, or POST `body` when one is given. */
export const request = <T,>(server: string, path: string, token?: string | null, body?: unknown): Promise<T> => httpRequest<T>(server + path, { token, body });
