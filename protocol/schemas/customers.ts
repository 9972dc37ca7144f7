import * as v from 'valibot';
import { CONTEXT_LIMITS } from '../customers.ts';
import { storable } from './text.ts';

const clip = (s: string, max: number) => (s.length > max ? s.slice(0, max) : s);
const UNPAIRED = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * A context string: the widget reads it from whatever page it runs on (a title, a URL), so unlike text
 * a person typed it is normalised rather than refused: U+0000 removed, unpaired surrogates replaced by
 * U+FFFD, trimmed, cut to `max`; empty means absent.
 */
const contextString = (max: number) =>
  v.optional(v.pipe(
    v.nullable(v.string('must be a string')),
    v.transform((s) => {
      if (s === null) return undefined;
      const clean = clip(s.replace(/\u0000/g, '').replace(UNPAIRED, '\uFFFD').trim(), max);
      return clean || undefined;
    }),
    v.description(`cut to ${max} characters`),
  ));

/** Only http(s) addresses are kept (staff open them as links); a file: page or an app referrer is left out, not refused. */
const httpUrl = v.pipe(contextString(CONTEXT_LIMITS.url), v.transform((s) => (s !== undefined && URL.canParse(s) && /^https?:$/.test(new URL(s).protocol) ? s : undefined)));

function validTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/** `context` of `POST /api/visitor`: wrong types are refused; unusable values left out, over-long ones cut. */
export const VisitorContext = v.pipe(
  v.object({
    pageUrl: httpUrl,
    pageTitle: contextString(CONTEXT_LIMITS.title),
    referrer: httpUrl,
    locale: contextString(CONTEXT_LIMITS.locale),
    // A zone this server's time-zone data does not know is left out: the local time could not be shown anyway.
    timeZone: v.pipe(contextString(CONTEXT_LIMITS.timeZone), v.transform((s) => (s && validTimeZone(s) ? s : undefined))),
  }, 'must be an object'),
  v.transform((c) => Object.fromEntries(Object.entries(c).filter(([, x]) => x !== undefined)) as Partial<Record<keyof typeof c, string>>),
  v.transform((c) => (Object.keys(c).length ? c : undefined)),
);

/** `identity.attributes`: at most 20 flat string, number or boolean values under short keys; long strings are cut. */
export const CustomerAttributes = v.pipe(
  v.record(
    v.pipe(
      v.string(),
      v.check((k) => k.trim() !== '' && k.length <= CONTEXT_LIMITS.attributeKey, `keys must be 1-${CONTEXT_LIMITS.attributeKey} characters`),
      v.check(storable, 'keys must be storable text'),
    ),
    v.union([
      v.pipe(v.string(), v.check(storable, 'values must be storable text (no U+0000 or unpaired surrogates)'), v.transform((s) => clip(s, CONTEXT_LIMITS.attributeValue))),
      v.pipe(v.number(), v.finite()),
      v.boolean(),
    ], 'values must be strings, finite numbers or booleans'),
    'must be an object of flat values',
  ),
  v.maxEntries(CONTEXT_LIMITS.attributes, `has more than ${CONTEXT_LIMITS.attributes} entries`),
  v.description(`at most ${CONTEXT_LIMITS.attributes} flat values, shown to staff`),
);
