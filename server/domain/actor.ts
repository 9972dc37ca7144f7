import type { Role, Scope } from '../../protocol/index.ts';

/** Who is acting, as resolved from the session or visitor token (never from the request body). */
export type Actor =
  | { kind: 'staff'; id: string; name: string; role: Role }
  /** `onlyTicket`: a resume link's token, which reaches that one ticket and nothing else. */
  | { kind: 'customer'; id: string; name: string | null; siteId: string; verified: boolean; onlyTicket?: string }
  /** An API token: acts across the instance like an admin, but only within its scopes. */
  | { kind: 'integration'; id: string; name: string; scopes: readonly Scope[] };

export const isStaff = (a: Actor): a is Extract<Actor, { kind: 'staff' }> => a.kind === 'staff';
export const isAdmin = (a: Actor): boolean => a.kind === 'staff' && a.role === 'admin';
export const isIntegration = (a: Actor): a is Extract<Actor, { kind: 'integration' }> => a.kind === 'integration';
/** Does this actor hold `scope`? Only integrations have scopes; people are governed by their role. */
export const hasScope = (a: Actor, scope: Scope): boolean => a.kind === 'integration' && a.scopes.includes(scope);

/** The author kind a message or audit row records for this actor. */
export const authorKindOf = (a: Actor): 'customer' | 'member' | 'admin' | 'integration' =>
  a.kind === 'staff' ? a.role : a.kind;

/** The people behind a socket; API tokens use REST only. */
export type SocketActor = Exclude<Actor, { kind: 'integration' }>;

/** May this actor reach `ticketId` at all? Everyone but a resume link's visitor may try any ticket (the access rules then decide). */
export const inTicketScope = (a: Actor, ticketId: string): boolean => a.kind !== 'customer' || !a.onlyTicket || a.onlyTicket === ticketId;
