// One HTTP request shape for every client: JSON in and out, errors as HttpError with the server's
// stable code. Small on purpose, so the widget can share it within its size budget.
import type { ErrorBody, ErrorCode } from './errors.ts';

/** A failed request: the server's error code (or `network` when it could not be reached), its message and the HTTP status (0 without a response). */
export class HttpError extends Error {
  code: ErrorCode | 'network';
  status: number;
  constructor(code: ErrorCode | 'network', message: string, status: number) {
    super(message);
    this.name = 'HttpError';
    this.code = code;
    this.status = status;
  }
}

export interface HttpOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  /** Sent as `Authorization: Bearer <token>` (the widget's visitor token). */
  token?: string | null;
  /** `same-origin` for the console's cookie session. */
  credentials?: RequestCredentials;
}

/** Sends one request and returns the parsed JSON body (null when empty); throws HttpError on a failure. */
export async function httpRequest<T>(url: string, o: HttpOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (o.body !== undefined) headers['content-type'] = 'application/json';
  if (o.token) headers.authorization = `Bearer ${o.token}`;
  let res: Response;
  try {
    res = await fetch(url, { method: o.method ?? (o.body === undefined ? 'GET' : 'POST'), headers, credentials: o.credentials, body: o.body === undefined ? undefined : JSON.stringify(o.body) });
  } catch {
    throw new HttpError('network', 'The server cannot be reached. Check your connection and try again.', 0);
  }
  const json: unknown = await res.json().catch(() => null);
  if (res.ok) return json as T;
  const error = (json as ErrorBody | null)?.error;
  throw new HttpError(error?.code ?? 'internal', error?.message || `Request failed (${res.status})`, res.status);
}
