import type { ErrorCode } from './errors.ts';
import type { ClientFrame } from './frames.ts';
import { LIMITS } from './limits.ts';

export type Parsed<T> = { ok: true; value: T } | { ok: false; code: ErrorCode; message: string; ref?: string };

const fail = (message: string, ref?: string, code: ErrorCode = 'bad_request'): Parsed<never> => ({ ok: false, code, message, ref });

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown, max: number): v is string => typeof v === 'string' && v.length > 0 && v.length <= max;
const seq = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
const ID_MAX = 64;

/**
 * Parses and checks one client frame. Pure: the server calls it on every frame it receives and
 * answers any failure with an `error` frame, changing nothing.
 */
export function parseClientFrame(text: string): Parsed<ClientFrame> {
  if (text.length > LIMITS.maxFrameBytes) return fail('frame too large', undefined, 'too_large');
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return fail('frame is not valid JSON');
  }
  if (!isObj(raw)) return fail('frame must be a JSON object');
  const ref = typeof raw.ref === 'string' && raw.ref.length <= ID_MAX ? raw.ref : undefined;
  if (raw.ref !== undefined && ref === undefined) return fail('ref must be a string of at most 64 characters');
  const base = ref === undefined ? {} : { ref };
  const ticketId = raw.ticketId;
  const needTicket = () => (str(ticketId, ID_MAX) ? null : fail('ticketId is required', ref));
  switch (raw.type) {
    case 'auth':
      if (!str(raw.token, 512)) return fail('token is required', ref);
      return { ok: true, value: { type: 'auth', token: raw.token, ...base } };
    case 'join': {
      const bad = needTicket();
      if (bad) return bad;
      if (raw.after !== undefined && !seq(raw.after)) return fail('after must be a non-negative integer', ref);
      return { ok: true, value: { type: 'join', ticketId: ticketId as string, ...(raw.after === undefined ? {} : { after: raw.after as number }), ...base } };
    }
    case 'leave':
    case 'typing': {
      const bad = needTicket();
      if (bad) return bad;
      return { ok: true, value: { type: raw.type, ticketId: ticketId as string, ...base } };
    }
    case 'read': {
      const bad = needTicket();
      if (bad) return bad;
      if (!seq(raw.seq)) return fail('seq must be a non-negative integer', ref);
      return { ok: true, value: { type: 'read', ticketId: ticketId as string, seq: raw.seq, ...base } };
    }
    case 'message': {
      const bad = needTicket();
      if (bad) return bad;
      if (!str(raw.clientId, LIMITS.clientId)) return fail(`clientId is required (at most ${LIMITS.clientId} characters)`, ref);
      const body = checkMessageBody(raw.body);
      if (!body.ok) return { ...body, ref };
      return { ok: true, value: { type: 'message', ticketId: ticketId as string, clientId: raw.clientId, body: body.value, ...base } };
    }
    case 'ping':
      return { ok: true, value: { type: 'ping', ...base } };
    default:
      return fail(typeof raw.type === 'string' ? `unknown frame type "${raw.type.slice(0, 32)}"` : 'frame type is required', ref);
  }
}

/** A message body: a non-blank string within the limit, stored as sent (trailing whitespace trimmed). */
export function checkMessageBody(body: unknown): Parsed<string> {
  if (typeof body !== 'string' || body.trim() === '') return fail('body must be a non-empty string');
  const trimmed = body.trimEnd();
  if (trimmed.length > LIMITS.messageBody) return fail(`body is longer than ${LIMITS.messageBody} characters`, undefined, 'too_large');
  return { ok: true, value: trimmed };
}
