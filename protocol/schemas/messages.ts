import * as v from 'valibot';
import { LIMITS } from '../limits.ts';
import { MAX_ATTACHMENTS } from '../attachments.ts';
import { parseWith, type Parsed } from './parse.ts';
import { count, text, UNSTORABLE, storable } from './text.ts';
import { EDGE_LIMITS } from './limits.ts';

/** Message text: stored as sent with trailing whitespace trimmed; not blank, except exactly `''` when `empty` (a message of attachments only). */
const messageText = (empty: boolean) => v.pipe(
  v.string('must be a non-empty string'),
  v.check(storable, UNSTORABLE),
  v.maxLength(LIMITS.messageBody, `is longer than ${LIMITS.messageBody} characters`),
  v.check((s: string) => (empty && s === '') || s.trim() !== '', 'must be a non-empty string'),
  v.transform((s: string) => s.trimEnd()),
  v.description(`the message text, at most ${LIMITS.messageBody} characters; trailing whitespace is trimmed${empty ? `; '' only with attachments` : ''}`),
);

/** A message body: not blank. */
export const MessageBody = messageText(false);

export const ClientId = text(LIMITS.clientId, { description: 'chosen by the client (a UUID); a resend with the same clientId is stored once' });
export const Seq = count(EDGE_LIMITS.maxSeq, 'a per-ticket sequence number');

/** `internal: true` makes the message a staff-only note. */
export const Internal = v.optional(v.pipe(v.boolean('must be true or false'), v.description('true: an internal note, seen by staff only')));

/** Ids of uploaded attachments sent with a message (at most MAX_ATTACHMENTS, no repeats). */
export const AttachmentIds = v.optional(v.pipe(
  v.array(v.pipe(v.string('must be attachment ids'), v.uuid('must be attachment ids')), 'must be an array of attachment ids'),
  v.maxLength(MAX_ATTACHMENTS, `at most ${MAX_ATTACHMENTS} attachments per message`),
  v.check((ids: string[]) => new Set(ids).size === ids.length, 'lists an attachment twice'),
  v.description(`ids from POST /api/tickets/:id/attachments, at most ${MAX_ATTACHMENTS}`),
));

/** A message body, or `''` when the message is only attachments (the send path refuses `''` without any). */
export const MessageText = messageText(true);

/** `POST /api/tickets/:id/messages` */
export const SendMessageBody = v.object({ clientId: ClientId, body: MessageText, internal: Internal, attachments: AttachmentIds }, 'must be a JSON object');

/** `POST /api/tickets/:id/read` */
export const ReadBody = v.object({ seq: Seq }, 'must be a JSON object');

/** A message body checked on its own (the Socket.IO baseline of the bench mirrors the server with it). */
export const checkMessageBody = (body: unknown): Parsed<string> => parseWith(MessageBody, body, 'body');
