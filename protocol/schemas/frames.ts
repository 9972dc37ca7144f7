import * as v from 'valibot';
import { LIMITS } from '../limits.ts';
import { AttachmentIds, ClientId, Internal, MessageText, Seq } from './messages.ts';
import { parseWith, type Parsed } from './parse.ts';
import { text } from './text.ts';
import { EDGE_LIMITS } from './limits.ts';

const ref = { ref: v.optional(v.pipe(v.string(), v.maxLength(EDGE_LIMITS.ref), v.description('echoed by the reply'))) };
const ticketId = text(EDGE_LIMITS.ref, { description: 'the ticket id' });
const frame = <T extends string, E extends v.ObjectEntries>(type: T, entries: E) =>
  v.object({ type: v.literal(type), ...entries, ...ref }, 'must be a JSON object');

/** Client -> server frames, one schema each; their types are inferred in frames.ts. */
export const AuthFrame = frame('auth', { token: text(EDGE_LIMITS.token, { description: 'the visitor token' }) });
export const JoinFrame = frame('join', { ticketId, after: v.optional(Seq), afterNote: v.optional(v.pipe(Seq, v.description('staff: the last note seq seen (notes are numbered apart)'))) });
export const LeaveFrame = frame('leave', { ticketId });
export const SendFrame = frame('message', { ticketId, clientId: ClientId, body: MessageText, internal: Internal, attachments: AttachmentIds });
export const TypingFrame = frame('typing', { ticketId, internal: Internal });
export const ReadFrame = frame('read', { ticketId, seq: Seq });
export const PingFrame = frame('ping', {});

export const CLIENT_FRAMES = {
  auth: AuthFrame, join: JoinFrame, leave: LeaveFrame, message: SendFrame, typing: TypingFrame, read: ReadFrame, ping: PingFrame,
} as const;
type ClientFrameType = keyof typeof CLIENT_FRAMES;

export const ClientFrame = v.variant('type', Object.values(CLIENT_FRAMES));
export type ClientFrameOutput = v.InferOutput<typeof ClientFrame>;

/**
 * Parses and checks one client frame. Pure: the server calls it on every frame it receives and
 * answers any failure with an `error` frame (echoing `ref` when it could read one), changing nothing.
 */
export function parseClientFrame(text: string): Parsed<ClientFrameOutput> {
  if (text.length > LIMITS.maxFrameBytes) return { ok: false, code: 'too_large', message: 'frame too large' };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, code: 'bad_request', message: 'frame is not valid JSON' };
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { ok: false, code: 'bad_request', message: 'frame must be a JSON object' };
  const r = (raw as { ref?: unknown }).ref;
  if (r !== undefined && (typeof r !== 'string' || r.length > EDGE_LIMITS.ref)) {
    return { ok: false, code: 'bad_request', message: `ref must be a string of at most ${EDGE_LIMITS.ref} characters` };
  }
  const type = (raw as { type?: unknown }).type;
  const schema = typeof type === 'string' && Object.hasOwn(CLIENT_FRAMES, type) ? CLIENT_FRAMES[type as ClientFrameType] : null;
  if (!schema) {
    const message = typeof type === 'string' ? `unknown frame type "${type.slice(0, 32)}"` : 'frame type is required';
    return { ok: false, code: 'bad_request', message, ...(r === undefined ? {} : { ref: r }) };
  }
  const parsed = parseWith(schema, raw, 'frame');
  return parsed.ok ? { ok: true, value: parsed.value as ClientFrameOutput } : { ...parsed, ...(r === undefined ? {} : { ref: r as string }) };
}
