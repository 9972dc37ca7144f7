import * as v from 'valibot';
import type { ErrorCode } from '../errors.ts';

export type Parsed<T> = { ok: true; value: T } | { ok: false; code: ErrorCode; message: string; ref?: string };

/**
 * Runs a schema and turns its first issue into one error naming the field (`identity.email must not be
 * empty`); `root` names the whole input. Too long or too many is `too_large`, anything else `bad_request`.
 */
export function parseWith<S extends v.GenericSchema>(schema: S, input: unknown, root: string): Parsed<v.InferOutput<S>> {
  const result = v.safeParse(schema, input, { abortEarly: true });
  if (result.success) return { ok: true, value: result.output };
  const issue = result.issues[0];
  const field = v.getDotPath(issue) ?? root;
  const missing = issue.input === undefined && issue.kind === 'schema' && field !== root;
  const code: ErrorCode = issue.type === 'max_length' || issue.type === 'max_entries' ? 'too_large' : 'bad_request';
  return { ok: false, code, message: missing ? `${field} is required` : `${field} ${issue.message}` };
}
