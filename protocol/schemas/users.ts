import * as v from 'valibot';
import { LIMITS } from '../limits.ts';
import { ROUTING_LIMITS, MEMBER_STATUSES } from '../routing.ts';
import { ROLES } from '../users.ts';
import { count, flag, oneOf, optional, text } from './text.ts';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export const Email = v.pipe(
  text(LIMITS.email),
  v.toLowerCase(),
  v.regex(EMAIL, 'is not a valid email address'),
  v.description('an email address (stored lower-case)'),
);
const Password = text(LIMITS.password.max, { min: LIMITS.password.min, trim: false, description: `${LIMITS.password.min} to ${LIMITS.password.max} characters` });
const Name = text(LIMITS.name);

/** `POST /api/users` */
export const NewUser = v.object({ email: Email, name: Name, password: Password, role: oneOf(ROLES) }, 'must be a JSON object');

/** `PATCH /api/users/:id`: deactivation, a role or a password change ends that user's sessions. */
export const UserPatch = v.object({
  active: optional(flag('false deactivates the account')),
  role: optional(oneOf(ROLES)),
  name: optional(Name),
  password: optional(Password),
  // null is refused here, not taken as absent: a capacity is always a number.
  capacity: v.optional(count(ROUTING_LIMITS.maxCapacity, 'tickets this member holds at most under auto routing')),
}, 'must be a JSON object');

/** `PATCH /api/users/me`: a member's own availability for routing, and their mail opt-in. */
export const MemberStatusBody = v.pipe(
  v.object({
    status: optional(oneOf(MEMBER_STATUSES)),
    mailNewTickets: optional(flag('true mails new tickets to this member while no member is online')),
    mailCustomerReplies: optional(flag('true mails customer replies on this member\'s tickets while they are not online')),
  }, 'must be a JSON object'),
  v.check((b) => b.status !== undefined || b.mailNewTickets !== undefined || b.mailCustomerReplies !== undefined, 'give status, mailNewTickets or mailCustomerReplies'),
);
