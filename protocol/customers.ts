// Customer context (staff only): what the widget reports about the visitor's page and browser, what
// the site owner passes about a signed-in customer, and what the console's details panel reads.
import type { Ticket } from './tickets.ts';

/** What the widget sends with `POST /api/visitor` as `context`; every field optional. */
export interface VisitorContext {
  pageUrl?: string;
  pageTitle?: string;
  referrer?: string;
  /** BCP 47, e.g. "de-CH". */
  locale?: string;
  /** IANA, e.g. "Europe/Zurich". */
  timeZone?: string;
}

/** The stored context: the visitor's latest, plus the user agent the server saw. */
export interface CustomerContext extends VisitorContext {
  userAgent?: string;
}

/** Flat values a site owner passes with identify (`identity.attributes`). */
export type CustomerAttributes = Record<string, string | number | boolean>;

export const CONTEXT_LIMITS = {
  /** Longer strings are cut to these lengths rather than refused, so a long URL never breaks the widget. */
  url: 2048,
  title: 300,
  locale: 35,
  timeZone: 64,
  userAgent: 512,
  attributes: 20,
  attributeKey: 64,
  attributeValue: 500,
} as const;

/** `GET /api/customers/:id` → `{customer, tickets}` (staff only). */
export interface CustomerProfile {
  id: string;
  name: string | null;
  email: string | null;
  verified: boolean;
  attributes: CustomerAttributes;
  context: CustomerContext | null;
  firstSeenAt: string;
  lastSeenAt: string | null;
  /** A socket of theirs is open, or they were seen in the last two minutes. */
  online: boolean;
}

/** A ticket with the page it was opened on (staff only). */
export interface CustomerTicket extends Ticket {
  openedOn: { url: string; title: string | null } | null;
}

export interface CustomerDetails {
  customer: CustomerProfile;
  /** The customer's tickets the reader may see, newest first. */
  tickets: CustomerTicket[];
}
