export const ROLES = ['member', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** A staff account on the wire (never carries the password hash). */
export interface User {
  id: string;
  email: string;
  name: string;
  role: Role;
  active: boolean;
  createdAt: string;
}

export interface Customer {
  id: string;
  siteId: string;
  name: string | null;
  email: string | null;
  /** True when the site owner vouched for this customer with an identity hash. */
  verified: boolean;
}

/**
 * Identity a site owner passes for a logged-in customer (inferred from its schema). `hash` =
 * HMAC-SHA256(secret, id) or, with `expiresAt` (unix seconds), HMAC-SHA256(secret, `${id}:${expiresAt}`), hex.
 */
export type Identity = import('valibot').InferOutput<typeof import('./schemas/visitor.ts').Identity>;
export type VisitorRequest = import('valibot').InferOutput<typeof import('./schemas/visitor.ts').VisitorRequest>;

export interface VisitorSession {
  visitorToken: string;
  customer: Customer;
  site: PublicSite;
}

/** What the widget may know about its site. */
export interface PublicSite {
  id: string;
  name: string;
  categories: string[];
  requireIdentity: boolean;
}

export interface Site {
  id: string;
  name: string;
  key: string;
  secret: string;
  origins: string[];
  categories: string[];
  requireIdentity: boolean;
  snippet: string;
  createdAt: string;
}

/** Who a socket belongs to, as sent in `ready`. */
export type SocketUser =
  | { kind: 'customer'; id: string; name: string | null; siteId: string }
  | { kind: 'member' | 'admin'; id: string; name: string };
