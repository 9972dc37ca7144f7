import * as v from 'valibot';
import { CANNED_LIMITS, CANNED_SCOPES, CANNED_SHORTCUT } from '../canned-responses.ts';
import { oneOf, optional, storable, text, UNSTORABLE } from './text.ts';

const Shortcut = v.pipe(text(32), v.regex(CANNED_SHORTCUT, 'must be 1-32 lowercase letters, digits, - or _'), v.description('typed after / in the composer'));
const Title = text(CANNED_LIMITS.title);
// Bodies keep their own line breaks and spacing (not trimmed), but must not be blank.
const Body = v.pipe(
  v.string('must be a string'),
  v.check(storable, UNSTORABLE),
  v.minLength(1, 'must not be empty'),
  v.maxLength(CANNED_LIMITS.body, `is longer than ${CANNED_LIMITS.body} characters`),
  v.check((s: string) => s.trim() !== '', 'must not be empty'),
  v.description('placeholders: {{customer.name}}, {{agent.name}}, {{ticket.id}}'),
);

/** `POST /api/canned-responses` */
export const NewCannedResponseBody = v.object({ shortcut: Shortcut, title: Title, body: Body, scope: oneOf(CANNED_SCOPES) }, 'must be a JSON object');

/** `PATCH /api/canned-responses/:id`: the scope never changes (create a new response instead). */
export const CannedResponsePatch = v.object({
  shortcut: optional(Shortcut),
  title: optional(Title),
  body: optional(Body),
  scope: v.optional(v.never('cannot change; create a new response instead')),
}, 'must be a JSON object');
