/**
 * A tiny rule language for access rules, as plain data: the same rule is evaluated here (server and
 * clients) and compiled to SQL on the server (server/domain/rule-sql.ts), so a ticket list, a batch
 * statement and a TypeScript check can never disagree about who may see or write what.
 */

/** What a rule may look at on the ticket side (the ticket and its site's settings). */
export type TicketFact = 'status' | 'customerId' | 'siteId' | 'assigneeId' | 'requireIdentity';
/** What a rule may look at on the acting side. */
export type ActorFact = 'kind' | 'id' | 'siteId' | 'verified';
export type Value = string | boolean | null;

export type Operand = { ticket: TicketFact } | { actor: ActorFact } | { value: Value };
/** `has`: the actor holds this scope (API tokens; people hold none and are governed by their kind). */
export type Rule = { eq: [Operand, Operand] } | { has: string } | { all: Rule[] } | { any: Rule[] } | { not: Rule };

/** Who acts, as the rules see it. `siteId` and `verified` matter for customers only. */
export interface Participant {
  kind: 'customer' | 'member' | 'admin' | 'integration';
  id: string;
  siteId?: string | null;
  verified?: boolean;
  scopes?: readonly string[];
}

/** The facts about a ticket the rules look at. `requireIdentity` is its site's setting (false when unknown). */
export interface TicketFacts {
  status: string;
  customerId: string;
  siteId: string;
  assigneeId: string | null;
  requireIdentity?: boolean;
}

export const ticket = (fact: TicketFact): Operand => ({ ticket: fact });
export const actor = (fact: ActorFact): Operand => ({ actor: fact });
export const value = (v: Value): Operand => ({ value: v });
export const eq = (a: Operand, b: Operand): Rule => ({ eq: [a, b] });
export const all = (...rules: Rule[]): Rule => ({ all: rules });
export const any = (...rules: Rule[]): Rule => ({ any: rules });
export const not = (rule: Rule): Rule => ({ not: rule });
export const has = (scope: string): Rule => ({ has: scope });

/** A fact's value; missing facts read as null, except the two booleans, which read as false (as their columns default). */
export function factOf(operand: Operand, who: Participant, t: TicketFacts): Value {
  if ('value' in operand) return operand.value;
  if ('actor' in operand) return operand.actor === 'verified' ? who.verified === true : (who[operand.actor] ?? null);
  return operand.ticket === 'requireIdentity' ? t.requireIdentity === true : (t[operand.ticket] ?? null);
}

/** Evaluates a rule. `eq` is SQL's IS NOT DISTINCT FROM: null equals null, and nothing is ever unknown. */
export function holds(rule: Rule, who: Participant, t: TicketFacts): boolean {
  if ('eq' in rule) return factOf(rule.eq[0], who, t) === factOf(rule.eq[1], who, t);
  if ('has' in rule) return who.scopes?.includes(rule.has) ?? false;
  if ('all' in rule) return rule.all.every((r) => holds(r, who, t));
  if ('any' in rule) return rule.any.some((r) => holds(r, who, t));
  return !holds(rule.not, who, t);
}
