import type { AskEmail } from './mail.ts';
import type { BusinessHours, SiteAvailability } from './hours.ts';
import type { MemberStatus, RoutingMode } from './routing.ts';

export const ROLES = ['member', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** A staff account on the wire (never carries the password hash). */
export interface User {
  id: string;
  email: string;
  name: string;
  role: Role;
  active: boolean;
  /** Availability for routing (online, away, offline) and how many assigned tickets routing gives them at most. */
  status: MemberStatus;
  capacity: number;
  /** Mail a new ticket to this member while no member is online (their own opt-in). */
  mailNewTickets?: boolean;
  /** Mail me a customer's reply on my tickets while I am not online (`PATCH /api/users/me {mailCustomerReplies}`). */
  mailCustomerReplies?: boolean;
  createdAt: string;
}

export interface Customer {
  id: string;
  siteId: string;
  /** As the site's page sent it (identify) or the customer typed it: never covered by the identity hash. */
  name: string | null;
  /** As the site's page sent it: never covered by the identity hash, so not proof of who wrote. */
  email: string | null;
  /** True when the site owner vouched for this customer with an identity hash, which covers `externalId` only. */
  verified: boolean;
  /** The site's own id for this customer, the one thing the identity hash vouches for (null when anonymous). */
  externalId: string | null;
}

/**
 * Identity a site owner passes for a logged-in customer (inferred from its schema). `hash` =
 * HMAC-SHA256(secret, id) or, with `expiresAt`, HMAC-SHA256(secret, `v2:${id}:${expiresAt}`), hex. The
 * hash covers the id (and expiry) only: `email` and `name` are taken as the page sends them and are
 * never shown as verified.
 */
export type Identity = import('valibot').InferOutput<typeof import('./schemas/visitor.ts').Identity>;
export type VisitorRequest = import('valibot').InferOutput<typeof import('./schemas/visitor.ts').VisitorRequest>;

export interface VisitorSession {
  visitorToken: string;
  customer: Customer;
  site: PublicSite;
  /** With a resume token: the link's ticket (the one ticket this visitor token reaches, unless it is the customer's own full token). */
  ticketId?: string;
}

/** language (`ar`) → category → its name in that language. */
export type CategoryLabels = Record<string, Record<string, string>>;
/** A language key of CategoryLabels: a lowercase tag like `ar` or `pt-br`. */
export const LANGUAGE_TAG = /^[a-z]{2,3}(?:-[a-z0-9]{2,8})?$/;

/** What the widget may know about its site. */
export interface PublicSite {
  id: string;
  name: string;
  categories: string[];
  /** Category names per language (`{ar: {Billing: "الفواتير"}}`); a category without one shows as is. */
  categoryLabels?: CategoryLabels;
  requireIdentity: boolean;
  /** Whether the ticket form asks for an email (absent: off), and whether every closed ticket is mailed as a transcript. */
  askEmail?: AskEmail;
  transcripts?: boolean;
  /** Whether the team is in now (from the site's hours); absent when the site has no hours. */
  availability?: SiteAvailability;
}

export interface Site {
  id: string;
  name: string;
  key: string;
  secret: string;
  origins: string[];
  categories: string[];
  categoryLabels?: CategoryLabels;
  requireIdentity: boolean;
  routing: RoutingMode;
  askEmail?: AskEmail;
  /** Mail every closed ticket's transcript to its customer (else only when they ask). */
  transcripts?: boolean;
  /** Opening hours, or null for none (always open as far as the widget says). */
  hours?: BusinessHours | null;
  snippet: string;
  createdAt: string;
}

/** Who a socket belongs to, as sent in `ready`. */
export type SocketUser =
  | { kind: 'customer'; id: string; name: string | null; siteId: string }
  | { kind: 'member' | 'admin'; id: string; name: string };
