import type { Role } from '../../protocol/index.ts';

/** Who is acting, as resolved from the session or visitor token (never from the request body). */
export type Actor =
  | { kind: 'staff'; id: string; name: string; role: Role }
  | { kind: 'customer'; id: string; name: string | null; siteId: string; verified: boolean };

export const isStaff = (a: Actor): a is Extract<Actor, { kind: 'staff' }> => a.kind === 'staff';
export const isAdmin = (a: Actor): boolean => a.kind === 'staff' && a.role === 'admin';

/** The author kind a message or audit row records for this actor. */
export const authorKindOf = (a: Actor): 'customer' | 'member' | 'admin' => (a.kind === 'customer' ? 'customer' : a.role);
