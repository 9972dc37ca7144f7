import type { TicketStatus } from '../../protocol/index.ts';
import { viewWhere, type Actor } from '../domain/index.ts';

/** The list filters shared by search and the inbox. */
export interface TicketScopeFilter { status?: TicketStatus; label?: string }

/**
 * `where` text on tickets (`alias`) for what the actor may see (the ticket list's rule, compiled to
 * SQL) and the filters, with its parameters. Labels use the GIN-indexed containment of migration 0062.
 */
export function ticketScope(actor: Actor, f: TicketScopeFilter, alias = 't'): { sql: string; params: unknown[] } {
  const view = viewWhere(actor, alias);
  const parts = [view.sql];
  const params = [...view.params];
  if (f.status) parts.push(`${alias}.status = ?`), params.push(f.status);
  if (f.label) parts.push(`${alias}.labels @> ?::jsonb`), params.push(JSON.stringify([f.label]));
  return { sql: parts.join(' and '), params };
}
