import type * as v from 'valibot';
import { parseWith } from '../protocol/schemas/index.ts';
import { AppError } from './errors.ts';

/**
 * Edge validation of JSON bodies and query strings with the schemas of protocol/schemas/: the value
 * the schema outputs, or an AppError naming the field it rejects (400, or 413 when too long).
 */
export function input<S extends v.GenericSchema>(schema: S, value: unknown, root = 'body'): v.InferOutput<S> {
  const parsed = parseWith(schema, value, root);
  if (!parsed.ok) throw new AppError(parsed.code, parsed.message);
  return parsed.value;
}

/** UUID path/body ids: anything else cannot name a row, so it is a 404 rather than a database error. */
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (v: unknown): v is string => typeof v === 'string' && UUID.test(v);
