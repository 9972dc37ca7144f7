import * as v from 'valibot';
import { LIMITS } from '../limits.ts';
import { parseWith, type Parsed } from './parse.ts';
import { count, text, UNSTORABLE, storable } from './text.ts';
import { EDGE_LIMITS } from './limits.ts';

/** A message body: not blank, stored as sent with trailing whitespace trimmed. */
export const MessageBody = v.pipe(
  v.string('must be a non-empty string'),
  v.check(storable, UNSTORABLE),
  v.minLength(1, 'must be a non-empty string'),
  v.maxLength(LIMITS.messageBody, `is longer than ${LIMITS.messageBody} characters`),
  v.check((s: string) => s.trim() !== '', 'must be a non-empty string'),
  v.transform((s: string) => s.trimEnd()),
  v.description(`the message text, at most ${LIMITS.messageBody} characters; trailing whitespace is trimmed`),
);

export const ClientId = text(LIMITS.clientId, { description: 'chosen by the client (a UUID); a resend with the same clientId is stored once' });
export const Seq = count(EDGE_LIMITS.maxSeq, 'a per-ticket sequence number');

/** `internal: true` makes the message a staff-only note. */
export const Internal = v.optional(v.pipe(v.boolean('must be true or false'), v.description('true: an internal note, seen by staff only')));

/** `POST /api/tickets/:id/messages` */
export const SendMessageBody = v.object({ clientId: ClientId, body: MessageBody, internal: Internal }, 'must be a JSON object');

/** `POST /api/tickets/:id/read` */
export const ReadBody = v.object({ seq: Seq }, 'must be a JSON object');

/** A message body checked on its own (the Socket.IO baseline of the bench mirrors the server with it). */
export const checkMessageBody = (body: unknown): Parsed<string> => parseWith(MessageBody, body, 'body');
