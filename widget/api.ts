// The widget's HTTP calls: JSON in and out, the visitor token as a Bearer token, errors as ApiError.
import type { ErrorBody } from '../protocol/index.ts';

/** `code` is a protocol error code, or `network` when the server could not be reached. */
export class ApiError extends Error {
  code: string;
  constructor(code: string, message: string) {
    super(message);
    this.code = code;
  }
}

export async function request<T>(server: string, path: string, token?: string | null, body?: unknown): Promise<T> {
  const res = await fetch(server + path, {
    method: body ? 'POST' : 'GET',
    headers: { 'content-type': 'application/json', ...(token && { authorization: `Bearer ${token}` }) },
    body: body ? JSON.stringify(body) : undefined,
  }).catch(() => {
    throw new ApiError('network', '');
  });
  const json = await res.json().catch(() => null);
  if (res.ok) return json as T;
  const error = (json as ErrorBody | null)?.error;
  throw new ApiError(error?.code ?? 'other', error?.message ?? '');
}
