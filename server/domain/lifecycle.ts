import {
  canHandOver as canHandOverAs, canSend as canSendAs, canTransition as canTransitionAs, canView as canViewAs, sendRefusal as sendRefusalAs,
  type Participant, type SendRefusal, type TicketAction, type TicketFacts, type Verdict,
} from '../../protocol/index.ts';
import type { Actor } from './actor.ts';

// The lifecycle and the access rules live in protocol/lifecycle.ts (the console asks the same ones);
// the server applies them to the actor its session resolved.
export { isFinal, TRANSITIONS, VIEW, SEND_REFUSALS, NOTE_REFUSALS, IDENTITY_MISSING } from '../../protocol/index.ts';
export type { SendRefusal, TicketFacts, Verdict } from '../../protocol/index.ts';

/** The actor as the rules see it. */
export function participantOf(a: Actor): Participant {
  if (a.kind === 'customer') return { kind: 'customer', id: a.id, siteId: a.siteId, verified: a.verified };
  if (a.kind === 'integration') return { kind: 'integration', id: a.id, scopes: a.scopes };
  return { kind: a.role, id: a.id };
}

export const canView = (a: Actor, t: TicketFacts): boolean => canViewAs(participantOf(a), t);
export const canSend = (a: Actor, t: TicketFacts, internal = false): Verdict => canSendAs(participantOf(a), t, internal);
export const sendRefusal = (a: Actor, t: TicketFacts, internal = false): SendRefusal | null => sendRefusalAs(participantOf(a), t, internal);
export const canTransition = (a: Actor, t: TicketFacts, action: TicketAction): Verdict => canTransitionAs(participantOf(a), t, action);
export const canHandOver = (a: Actor, t: TicketFacts, verb: 'release' | 'transfer'): Verdict => canHandOverAs(participantOf(a), t, verb);
