/**
 * The ticket lifecycle and who may do what, pure and shared: the server enforces these (and compiles
 * the access rules to SQL), the console asks them before it offers a button.
 */
import type { ErrorCode } from './errors.ts';
import { actor, all, any, eq, has, holds, not, ticket, value, type Participant, type Rule, type TicketFacts } from './rule.ts';
import type { Ticket, TicketAction, TicketStatus } from './tickets.ts';

export type { Participant, TicketFacts } from './rule.ts';

export type Verdict = { ok: true } | { ok: false; code: Extract<ErrorCode, 'forbidden' | 'invalid_state' | 'not_found' | 'conflict'>; message: string };

/**
 * open → assigned (accept) · open → rejected (reject) · assigned → closed (close) · assigned → open
 * (release, back to the queue). Rejected and closed are final. A transfer is no transition: the
 * status stays assigned and the assignee changes (canHandOver).
 */
export const TRANSITIONS: Record<TicketAction, { from: TicketStatus; to: TicketStatus }> = {
  accept: { from: 'open', to: 'assigned' },
  reject: { from: 'open', to: 'rejected' },
  close: { from: 'assigned', to: 'closed' },
  release: { from: 'assigned', to: 'open' },
};

export const isFinal = (status: TicketStatus): boolean => status === 'rejected' || status === 'closed';

const is = (kind: Participant['kind']) => eq(actor('kind'), value(kind));
const statusIs = (status: TicketStatus) => eq(ticket('status'), value(status));

/** A customer of a site that requires identity, who is not verified: they may read and write nothing. */
export const IDENTITY_MISSING: Rule = all(is('customer'), eq(ticket('requireIdentity'), value(true)), not(eq(actor('verified'), value(true))));

/** Who may see a ticket (read it, its history, join its room, hear its events). */
export const VIEW: Rule = any(
  is('admin'),
  // A token that may read tickets or messages reads them across the instance, as an admin does.
  all(is('integration'), any(has('tickets:read'), has('tickets:write'), has('messages:read'), has('messages:write'))),
  all(is('member'), any(statusIs('open'), eq(ticket('assigneeId'), actor('id')))),
  all(is('customer'), eq(ticket('customerId'), actor('id')), eq(ticket('siteId'), actor('siteId')), not(IDENTITY_MISSING)),
);

/**
 * Why a message may not be sent, in the order they are checked; the first that holds is the answer.
 * `access` refusals hold even for a resend of a stored message; `state` ones do not (a resend after
 * the ticket closed still gets its ack).
 */
type Refusal = { reason: string; stage: 'access' | 'state'; code: Extract<Verdict, { ok: false }>['code']; message: string; when: Rule };

const IDENTITY_REFUSAL: Refusal = { reason: 'identity_required', stage: 'access', code: 'forbidden', message: 'this site requires a signed-in customer to write', when: IDENTITY_MISSING };
const HIDDEN_REFUSAL: Refusal = { reason: 'hidden', stage: 'access', code: 'not_found', message: 'ticket not found', when: not(VIEW) };
const SCOPE_REFUSAL: Refusal = { reason: 'no_scope', stage: 'access', code: 'forbidden', message: 'this token lacks the messages:write scope', when: all(is('integration'), not(has('messages:write'))) };

export const SEND_REFUSALS: readonly Refusal[] = [
  IDENTITY_REFUSAL,
  HIDDEN_REFUSAL,
  SCOPE_REFUSAL,
  { reason: 'not_assignee', stage: 'state', code: 'forbidden', message: 'only the assignee can write on this ticket', when: all(is('member'), not(eq(ticket('assigneeId'), actor('id')))) },
  { reason: 'not_assigned', stage: 'state', code: 'invalid_state', message: 'the ticket is not assigned yet', when: statusIs('open') },
  { reason: 'rejected', stage: 'state', code: 'invalid_state', message: 'the ticket is rejected; chat is closed', when: statusIs('rejected') },
  { reason: 'closed', stage: 'state', code: 'invalid_state', message: 'the ticket is closed; chat is closed', when: statusIs('closed') },
];

/**
 * Why an internal note may not be written. Any staff member who can see the ticket may note on it,
 * in every state: before accepting ("VIP, handle with care"), while a colleague chats, and after the
 * close or a rejection (follow-ups, handovers, post-mortems), as a support team expects of a notes
 * field. Customers never may; an API token needs `messages:write`.
 */
export const NOTE_REFUSALS: readonly Refusal[] = [
  IDENTITY_REFUSAL,
  HIDDEN_REFUSAL,
  { reason: 'not_staff', stage: 'access', code: 'forbidden', message: 'only support staff can write internal notes', when: is('customer') },
  SCOPE_REFUSAL,
];
export type SendRefusal = Refusal;

const OK: Verdict = { ok: true };

export const canView = (who: Participant, t: TicketFacts): boolean => holds(VIEW, who, t);

/** The refusal that applies, or null when `who` may send on the ticket now. */
export const sendRefusal = (who: Participant, t: TicketFacts, internal = false): SendRefusal | null =>
  (internal ? NOTE_REFUSALS : SEND_REFUSALS).find((r) => holds(r.when, who, t)) ?? null;

/** May `who` post a message to this ticket? Chat exists only while assigned, between its customer and its assignee (or an admin). */
export function canSend(who: Participant, t: TicketFacts, internal = false): Verdict {
  const refusal = sendRefusal(who, t, internal);
  return refusal ? { ok: false, code: refusal.code, message: refusal.message } : OK;
}

/** May `who` perform `action` on this ticket now? Role first (403), then state (409). */
export function canTransition(who: Participant, t: TicketFacts, action: TicketAction): Verdict {
  if (action === 'release') return canHandOver(who, t, 'release');
  if (who.kind === 'integration') {
    if (!who.scopes?.includes('tickets:write')) return { ok: false, code: 'forbidden', message: 'this token lacks the tickets:write scope' };
    // An assignee is a member who chats; a token cannot be one.
    if (action === 'accept') return { ok: false, code: 'forbidden', message: 'an API token cannot accept a ticket; a member must' };
  } else if (who.kind === 'customer') return { ok: false, code: 'forbidden', message: 'only support staff can change a ticket' };
  else if (action === 'close' && who.kind !== 'admin' && t.assigneeId !== who.id && t.status === 'assigned') {
    return { ok: false, code: 'forbidden', message: 'only the assignee or an admin can close this ticket' };
  }
  return stateAllows(t, TRANSITIONS[action].from, action);
}

const stateAllows = (t: TicketFacts, from: TicketStatus, verb: string): Verdict =>
  t.status === from ? OK : { ok: false, code: 'invalid_state', message: `cannot ${verb} a ticket that is ${t.status}` };

/**
 * May `who` hand this ticket on: release it to the queue, or transfer it to another member? Only
 * its assignee or an admin, and only while assigned. Whether the target may take it (an active
 * member with room) is the server's to check (server/domain/routing.ts transferRefusal).
 */
export function canHandOver(who: Participant, t: TicketFacts, verb: 'release' | 'transfer'): Verdict {
  if (who.kind === 'customer' || who.kind === 'integration') return { ok: false, code: 'forbidden', message: `only the assignee or an admin can ${verb} a ticket` };
  if (who.kind !== 'admin' && t.assigneeId !== who.id && t.status === 'assigned') {
    return { ok: false, code: 'forbidden', message: `only the assignee or an admin can ${verb} this ticket` };
  }
  return stateAllows(t, 'assigned', verb);
}

/** The rule facts of a ticket as the wire carries it. */
export const factsOfTicket = (t: Pick<Ticket, 'status' | 'customer' | 'siteId' | 'assignee'>, requireIdentity = false): TicketFacts => ({
  status: t.status, customerId: t.customer.id, siteId: t.siteId, assigneeId: t.assignee?.id ?? null, requireIdentity,
});

/** Shorthands for clients: may this staff user (or customer) do it to this wire ticket? */
export const maySend = (who: Participant, t: Ticket): boolean => canSend(who, factsOfTicket(t)).ok;
export const mayNote = (who: Participant, t: Ticket): boolean => canSend(who, factsOfTicket(t), true).ok;
export const mayAccept = (who: Participant, t: Ticket): boolean => canTransition(who, factsOfTicket(t), 'accept').ok;
export const mayClose = (who: Participant, t: Ticket): boolean => canTransition(who, factsOfTicket(t), 'close').ok;
export const mayHandOver = (who: Participant, t: Ticket): boolean => canHandOver(who, factsOfTicket(t), 'transfer').ok;
