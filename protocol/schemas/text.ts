import * as v from 'valibot';

/**
 * Text the database can store: PostgreSQL refuses U+0000 in `text`, and a lone UTF-16 surrogate has no
 * UTF-8 form. Both are refused at the edge (400 naming the field) rather than normalised: no real
 * keyboard produces them, so they mean a broken or hostile client, and silently changing what someone
 * wrote is worse than telling them.
 */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
export const storable = (s: string): boolean => !s.includes('\u0000') && !LONE_SURROGATE.test(s);
export const UNSTORABLE = 'contains a character that cannot be stored (U+0000 or an unpaired surrogate)';

interface TextOptions {
  /** Minimum length after trimming (default 1: not empty). */
  min?: number;
  /** Trim surrounding whitespace (default true). */
  trim?: boolean;
  description?: string;
}

/**
 * A required string field: storable, within `min`..`max` characters once trimmed (over `max` is
 * `too_large`). The length checks run before the trim so JSON Schema (what a client sends) keeps them.
 */
export function text(max: number, opts: TextOptions = {}) {
  const min = opts.min ?? 1;
  const trim = opts.trim !== false;
  const tooShort = min > 1 ? `must be at least ${min} characters` : 'must not be empty';
  return v.pipe(
    v.string('must be a string'),
    v.check(storable, UNSTORABLE),
    v.minLength(min, tooShort),
    v.maxLength(max, `is longer than ${max} characters`),
    v.check((s: string) => !trim || s.trim().length >= min, tooShort),
    v.transform((s: string) => (trim ? s.trim() : s)),
    v.description(opts.description ?? `at most ${max} characters`),
  );
}

/** Absent and `null` both mean "not given" (the output is `undefined`). */
export function optional<S extends v.GenericSchema>(schema: S) {
  return v.optional(v.pipe(v.nullable(schema), v.transform((x) => x ?? undefined)));
}

/** A list of distinct, trimmed, non-empty strings (blank entries are dropped). */
export function textList(maxItems: number, maxLength: number, description: string) {
  return v.pipe(
    v.array(
      v.pipe(
        v.string('must be an array of strings'),
        v.check(storable, UNSTORABLE),
        v.transform((s: string) => s.trim()),
        v.maxLength(maxLength, `is longer than ${maxLength} characters`),
      ),
      'must be an array of strings',
    ),
    v.maxLength(maxItems, `has more than ${maxItems} entries`),
    v.transform((items: string[]) => [...new Set(items.filter(Boolean))]),
    v.description(description),
  );
}

export const oneOf = <const T extends readonly string[]>(options: T, description?: string) =>
  v.pipe(v.picklist(options, `must be one of: ${options.join(', ')}`), v.description(description ?? options.join(' | ')));

export const flag = (description: string) => v.pipe(v.boolean('must be true or false'), v.description(description));

/** A non-negative integer up to `max` (sequence numbers are PostgreSQL `int`). */
export const count = (max: number, description: string) =>
  v.pipe(
    v.number('must be a non-negative integer'),
    v.integer('must be a non-negative integer'),
    v.minValue(0, 'must be a non-negative integer'),
    v.maxValue(max, `must be at most ${max}`),
    v.description(description),
  );
