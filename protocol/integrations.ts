/** What an API token may do. A token can do nothing its scopes do not name; the admin-only surface has no scope. */
export const SCOPES = ['tickets:read', 'tickets:write', 'messages:read', 'messages:write', 'customers:read', 'users:read'] as const;
export type Scope = (typeof SCOPES)[number];

/** API tokens start with this, so a Bearer header is told apart from a visitor token before any lookup. */
export const API_TOKEN_PREFIX = 'parley_pat_';

/** An API token as listed; the secret itself is only in the answer to its creation. */
export interface ApiToken {
  id: string;
  name: string;
  scopes: Scope[];
  /** The first characters of the token, to recognise it. */
  hint: string;
  createdAt: string;
  lastUsedAt: string | null;
}

export interface NewApiToken extends ApiToken {
  /** Shown once; the server keeps only its hash. */
  token: string;
}

export const WEBHOOK_EVENTS = [
  'ticket.created', 'ticket.accepted', 'ticket.rejected', 'ticket.closed', 'ticket.updated', 'message.created', 'rating.created',
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENTS)[number];

export interface WebhookEndpoint {
  id: string;
  url: string;
  events: WebhookEventType[];
  active: boolean;
  /** Set when a delivery gave up after retrying for the whole retry window; cleared by the next success. */
  failingSince: string | null;
  createdAt: string;
}

/** The answer to creating an endpoint or rotating its secret: the signing secret, shown then. */
export interface WebhookEndpointWithSecret extends WebhookEndpoint {
  secret: string;
}

export const DELIVERY_STATES = ['pending', 'delivered', 'failed'] as const;
export type DeliveryState = (typeof DELIVERY_STATES)[number];

/** One event for one endpoint: its delivery id (`Parley-Delivery`) is the same on every retry. */
export interface WebhookDelivery {
  id: string;
  eventId: string;
  type: WebhookEventType;
  ticketId: string | null;
  state: DeliveryState;
  attempts: number;
  createdAt: string;
  lastAttemptAt: string | null;
  nextAttemptAt: string | null;
  /** HTTP status of the last attempt, or null when it got no answer (refused, timed out). */
  responseStatus: number | null;
  durationMs: number | null;
  /** The first bytes of the last answer, or why there was none. */
  response: string | null;
}

/** The body of every webhook POST. */
export interface WebhookPayload<T = unknown> {
  id: string;
  type: WebhookEventType;
  createdAt: string;
  data: T;
}

export const INTEGRATION_LIMITS = { url: 2000, secret: { min: 16, max: 200 }, endpoints: 50, logSize: 100, tokenName: 120 } as const;
