import { AppError, badRequest } from './errors.ts';

/** Edge validation of JSON bodies and query strings: each reader names the field it rejects. */
export type Body = Record<string, unknown>;

export function asBody(value: unknown): Body {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw badRequest('body must be a JSON object');
  return value as Body;
}

export function text(body: Body, field: string, max: number, opts: { min?: number; optional?: boolean; trim?: boolean } = {}): string | undefined {
  const v = body[field];
  if (v === undefined || v === null) {
    if (opts.optional) return undefined;
    throw badRequest(`${field} is required`);
  }
  if (typeof v !== 'string') throw badRequest(`${field} must be a string`);
  const s = opts.trim === false ? v : v.trim();
  if (s.length < (opts.min ?? 1)) throw badRequest(opts.min && opts.min > 1 ? `${field} must be at least ${opts.min} characters` : `${field} must not be empty`);
  if (s.length > max) throw new AppError('too_large', `${field} is longer than ${max} characters`);
  return s;
}

export const requiredText = (body: Body, field: string, max: number, opts: { min?: number; trim?: boolean } = {}): string =>
  text(body, field, max, opts) as string;

export function oneOf<T extends string>(body: Body, field: string, allowed: readonly T[], optional = false): T | undefined {
  const v = body[field];
  if (v === undefined && optional) return undefined;
  if (typeof v !== 'string' || !allowed.includes(v as T)) throw badRequest(`${field} must be one of: ${allowed.join(', ')}`);
  return v as T;
}

export function bool(body: Body, field: string): boolean | undefined {
  const v = body[field];
  if (v === undefined) return undefined;
  if (typeof v !== 'boolean') throw badRequest(`${field} must be true or false`);
  return v;
}

export function int(body: Body, field: string, max: number): number | undefined {
  const v = body[field];
  if (v === undefined) return undefined;
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0 || v > max) throw badRequest(`${field} must be an integer from 0 to ${max}`);
  return v;
}

export function stringList(body: Body, field: string, maxItems: number, maxLength: number, optional = false): string[] | undefined {
  const v = body[field];
  if (v === undefined && optional) return undefined;
  if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) throw badRequest(`${field} must be an array of strings`);
  if (v.length > maxItems) throw new AppError('too_large', `${field} has more than ${maxItems} entries`);
  const items = (v as string[]).map((x) => x.trim()).filter(Boolean);
  if (items.some((x) => x.length > maxLength)) throw new AppError('too_large', `an entry of ${field} is longer than ${maxLength} characters`);
  return [...new Set(items)];
}

export function queryInt(value: string | string[] | undefined, field: string, fallback: number, max = Number.MAX_SAFE_INTEGER): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(Array.isArray(value) ? value[0] : value);
  if (!Number.isSafeInteger(n) || n < 0) throw badRequest(`${field} must be a non-negative integer`);
  return Math.min(n, max);
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export function email(body: Body, field = 'email'): string {
  const v = requiredText(body, field, 254).toLowerCase();
  if (!EMAIL.test(v)) throw badRequest(`${field} is not a valid email address`);
  return v;
}

/** UUID path/body ids: anything else cannot name a row, so it is a 404 rather than a database error. */
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (v: unknown): v is string => typeof v === 'string' && UUID.test(v);
