import { NOTE_REFUSALS, SEND_REFUSALS, VIEW, type TicketFact } from '../../protocol/index.ts';
import type { Actor } from './actor.ts';
import { participantOf } from './lifecycle.ts';
import { ruleSql, type SqlSource } from './rule-sql.ts';

// The access rules of protocol/lifecycle.ts as SQL, for the queries that must apply them in the
// database: the ticket list (one actor) and the batch message writer (many actors in one statement).

/** Ticket facts as columns of `alias` (a tickets row); the site setting from `requireIdentity`, or read from sites. */
export const ticketColumns = (alias: string, requireIdentity = `(select s.require_identity from sites s where s.id = ${alias}.site_id)`): Record<TicketFact, string> => ({
  status: `${alias}.status`,
  customerId: `${alias}.customer_id`,
  siteId: `${alias}.site_id`,
  assigneeId: `${alias}.assignee_id`,
  requireIdentity,
});

/** One known actor, bound as parameters. */
export function knownActor(a: Actor): SqlSource['actor'] {
  const p = participantOf(a);
  return { kind: { value: p.kind }, id: { value: p.id }, siteId: { value: p.siteId ?? null }, verified: { value: p.verified === true }, scopes: { value: p.scopes ?? [] } };
}

/** `where` text and its parameters: the tickets (`alias`) this actor may see. */
export function viewWhere(a: Actor, alias: string): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  const sql = ruleSql(VIEW, { ticket: ticketColumns(alias), actor: knownActor(a) }, params);
  return { sql, params };
}

/**
 * `case` expression naming the first send refusal that holds (null when the send is allowed): the
 * note rules where `internal` (a boolean SQL expression) is true, the chat rules elsewhere.
 */
export function sendRefusalSql(src: SqlSource, params: unknown[], internal = 'false'): string {
  const list = (refusals: typeof SEND_REFUSALS) => refusals.map((r) => `when ${ruleSql(r.when, src, params)} then '${r.reason}'`).join(' ');
  return `case when ${internal} then (case ${list(NOTE_REFUSALS)} end) else (case ${list(SEND_REFUSALS)} end) end`;
}

const ALL_REFUSALS = [...SEND_REFUSALS, ...NOTE_REFUSALS];
/** Refusals that also answer a resend of a message already stored. */
export const ACCESS_REFUSALS = [...new Set(ALL_REFUSALS.filter((r) => r.stage === 'access').map((r) => r.reason))];
export const refusalByReason = new Map(ALL_REFUSALS.map((r) => [r.reason, r]));
