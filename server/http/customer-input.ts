import { CONTEXT_LIMITS, type CustomerAttributes, type VisitorContext } from '../../protocol/index.ts';
import { AppError, badRequest } from '../errors.ts';
import { asBody, type Body } from '../input.ts';

const clip = (s: string, max: number) => (s.length > max ? s.slice(0, max) : s);

function optionalString(raw: Body, field: string, max: number): string | undefined {
  const v = raw[field];
  if (v === undefined || v === null || v === '') return undefined;
  if (typeof v !== 'string') throw badRequest(`context.${field} must be a string`);
  return clip(v.trim(), max) || undefined;
}

/** Only http(s) addresses are kept (staff open them as links); a file: page or an app referrer is left out, not refused. */
function httpUrl(raw: Body, field: string): string | undefined {
  const v = optionalString(raw, field, CONTEXT_LIMITS.url);
  return v !== undefined && URL.canParse(v) && /^https?:$/.test(new URL(v).protocol) ? v : undefined;
}

/**
 * `context` of `POST /api/visitor`: wrong types are refused; over-long strings are cut and values that
 * cannot be used are left out, so no page the widget runs on can break its session.
 */
export function visitorContextOf(body: Body): VisitorContext | undefined {
  if (body.context === undefined || body.context === null) return undefined;
  if (typeof body.context !== 'object' || Array.isArray(body.context)) throw badRequest('context must be an object');
  const raw = asBody(body.context);
  // A zone this server's time-zone data does not know is left out: the local time could not be shown anyway.
  const zone = optionalString(raw, 'timeZone', CONTEXT_LIMITS.timeZone);
  const timeZone = zone && validTimeZone(zone) ? zone : undefined;
  const context: VisitorContext = {
    pageUrl: httpUrl(raw, 'pageUrl'),
    pageTitle: optionalString(raw, 'pageTitle', CONTEXT_LIMITS.title),
    referrer: httpUrl(raw, 'referrer'),
    locale: optionalString(raw, 'locale', CONTEXT_LIMITS.locale),
    timeZone,
  };
  const present = Object.entries(context).filter(([, v]) => v !== undefined);
  return present.length ? (Object.fromEntries(present) as VisitorContext) : undefined;
}

function validTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/** `identity.attributes`: at most 20 flat string, number or boolean values, under short keys. */
export function attributesOf(identity: unknown): CustomerAttributes | undefined {
  if (typeof identity !== 'object' || identity === null) return undefined;
  const raw = (identity as Body).attributes;
  if (raw === undefined || raw === null) return undefined;
  if (typeof raw !== 'object' || Array.isArray(raw)) throw badRequest('identity.attributes must be an object of flat values');
  const entries = Object.entries(raw as Body);
  if (entries.length > CONTEXT_LIMITS.attributes) throw new AppError('too_large', `identity.attributes has more than ${CONTEXT_LIMITS.attributes} entries`);
  const out: CustomerAttributes = {};
  for (const [key, value] of entries) {
    if (!key.trim() || key.length > CONTEXT_LIMITS.attributeKey) throw badRequest(`identity.attributes keys must be 1-${CONTEXT_LIMITS.attributeKey} characters`);
    if (typeof value === 'string') out[key] = clip(value, CONTEXT_LIMITS.attributeValue);
    else if (typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value))) out[key] = value;
    else throw badRequest(`identity.attributes.${key} must be a string, a finite number or a boolean`);
  }
  return out;
}

/** The User-Agent header, cut to a sane length (the server, not the client, reports it). */
export const userAgentOf = (header: string | undefined): string | undefined => (header ? clip(header, CONTEXT_LIMITS.userAgent) : undefined);
