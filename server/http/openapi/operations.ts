import * as v from 'valibot';
import * as rq from '../../../protocol/schemas/index.ts';
import * as W from '../../../protocol/schemas/wire.ts';

/**
 * Who may call an operation (the handler's require* check): `public` anyone; `visitor` a widget's
 * visitor token; `staff` / `admin` a console session; `actor` a visitor or staff, the service deciding
 * what each may see. API tokens come on top, from TOKEN_ROUTES (scopes.ts).
 */
export type Who = 'public' | 'visitor' | 'staff' | 'admin' | 'actor';

/** A response body: a schema, `null` for none (204), `text` for plain text, `html` for a page, `binary` for a file of its own type. */
export type Body = v.GenericSchema | null | 'text' | 'html' | 'binary';

export interface Operation {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** As the router writes it (`/api/tickets/:id`). */
  path: string;
  summary: string;
  who: Who;
  body?: v.GenericSchema;
  /** The request is `multipart/form-data` with one file in the field `file`. */
  upload?: true;
  query?: v.ObjectSchema<v.ObjectEntries, v.ErrorMessage<v.ObjectIssue> | undefined>;
  /** Success answers by status; every operation also has the error body as its default answer. */
  responses: Record<number, Body>;
}

const list = <S extends v.GenericSchema>(key: string, item: S) => v.strictObject({ [key]: v.array(item) });
const one = <S extends v.GenericSchema>(key: string, item: S) => v.strictObject({ [key]: item });
const op = (method: Operation['method'], path: string, who: Who, summary: string, responses: Operation['responses'], extra: Pick<Operation, 'body' | 'query' | 'upload'> = {}): Operation =>
  ({ method, path, who, summary, responses, ...extra });

/**
 * Every HTTP route, with the schemas its handler validates with and what it answers. The OpenAPI
 * document is built from this; a test fails when a router has a route missing here (or this lists
 * one no router has), and the HTTP tests check every answer they get against it.
 */
export const OPERATIONS: readonly Operation[] = [
  op('get', '/api/openapi.json', 'public', 'This document (OpenAPI 3.1)', { 200: v.record(v.string(), v.unknown()) }),
  op('get', '/healthz', 'public', 'Liveness and readiness: 503 while the database or the event bus is down', { 200: W.Health, 503: W.Health }),
  op('get', '/metrics', 'public', 'Prometheus metrics', { 200: 'text' }),
  op('get', '/api/stats', 'admin', 'Monitoring figures', { 200: W.Stats }),
  op('get', '/api/mail', 'admin', 'The mail outbox, newest first', { 200: W.OutboxList }),
  op('get', '/mail/unsubscribe/:token', 'public', 'The unsubscribe page of a mail link (changes nothing)', { 200: 'html', 404: 'html' }),
  op('post', '/mail/unsubscribe/:token', 'public', 'Unsubscribe (RFC 8058 one-click; a form body, ignored)', { 200: 'html', 404: 'html' }),

  op('post', '/api/auth/login', 'public', 'Sign in (sets the session cookie); only from the console origin', { 200: one('user', W.User) }, { body: rq.LoginBody }),
  op('post', '/api/auth/logout', 'public', 'Sign out (clears the session cookie)', { 204: null }),
  op('get', '/api/auth/me', 'staff', 'The signed-in staff member', { 200: one('user', W.User) }),

  op('post', '/api/visitor', 'public', 'Start or resume a widget visitor (optionally identified)', { 200: W.VisitorSession }, { body: rq.VisitorRequest }),
  op('post', '/api/visitor/reset', 'visitor', 'End this visitor token (the widget’s log-out)', { 204: null }),
  op('get', '/api/site', 'visitor', 'The visitor’s site, as the widget may see it', { 200: W.PublicSite }),
  op('get', '/api/reply-time', 'visitor', 'The site’s median first response over the last 7 days', { 200: W.ReplyTime }),

  op('post', '/api/tickets', 'visitor', 'Open a ticket (201; 200 when clientId repeats an earlier one)', { 200: W.Ticket, 201: W.Ticket }, { body: rq.NewTicket }),
  op('get', '/api/tickets', 'actor', 'Tickets the caller may see', { 200: list('tickets', W.Ticket) }, { query: rq.TicketListQuery }),
  op('get', '/api/tickets/:id', 'actor', 'One ticket', { 200: W.Ticket }),
  op('get', '/api/tickets/:id/events', 'actor', 'The ticket’s audit trail of transitions', { 200: list('events', W.TicketEvent) }),
  op('post', '/api/tickets/:id/accept', 'actor', 'Accept an open ticket (members)', { 200: W.Ticket }),
  op('post', '/api/tickets/:id/reject', 'actor', 'Reject an open ticket with an optional reason', { 200: W.Ticket }, { body: rq.RejectBody }),
  op('post', '/api/tickets/:id/close', 'actor', 'Close a ticket', { 200: W.Ticket }),
  op('get', '/api/tickets/:id/messages', 'actor', 'A page of messages: after=<seq> forward, before=<seq> back', { 200: W.MessagePage }, { query: rq.MessagesQuery }),
  op('post', '/api/tickets/:id/attachments', 'actor', 'Upload a file (multipart field `file`) to send with a message; whoever may send there', { 201: W.Attachment }, { upload: true }),
  op('get', '/api/attachments/:id', 'public', 'Download a file by its capability URL (`?exp=&sig=` from the attachment’s `url`)', { 200: 'binary' }),
  op('delete', '/api/attachments/:id', 'actor', 'Delete your own upload while no message carries it', { 204: null }),
  op('post', '/api/tickets/:id/messages', 'actor', 'Send a message (201; 200 when clientId repeats one)', { 200: W.Message, 201: W.Message }, { body: rq.SendMessageBody }),
  op('post', '/api/tickets/:id/read', 'actor', 'Move the caller’s read position', { 200: v.strictObject({ seq: v.number() }) }, { body: rq.ReadBody }),
  op('post', '/api/tickets/:id/assign', 'actor', 'Transfer an assigned ticket ({userId}) or release it to the open queue ({userId: null}); the assignee or an admin', { 200: W.Ticket }, { body: rq.AssignBody }),
  op('get', '/api/tickets/:id/queue', 'actor', 'The ticket’s place in the waiting queue', { 200: W.QueuePosition }),
  op('put', '/api/tickets/:id/labels', 'actor', 'Set the ticket’s labels (staff)', { 200: W.Ticket }, { body: rq.LabelsBody }),
  op('post', '/api/tickets/:id/rating', 'actor', 'Rate a closed ticket, once (its customer)', { 201: W.Rating }, { body: rq.RatingBody }),
  op('get', '/api/tickets/:id/rating', 'actor', 'The ticket’s rating, if any', { 200: one('rating', v.nullable(W.Rating)) }),
  op('get', '/api/chats', 'admin', 'The conversations inbox, newest activity first, paged by cursor', { 200: W.ChatPage }, { query: rq.ChatsQuery }),
  op('get', '/api/search', 'actor', 'Full-text search over tickets, messages and notes (staff; tokens need tickets:read and messages:read), scoped like the ticket list', { 200: W.SearchResponse }, { query: rq.SearchQuery }),
  op('get', '/api/labels', 'staff', 'Labels in use, most used first', { 200: list('labels', v.string()) }),
  op('get', '/api/customers/:id', 'actor', 'A customer’s profile and tickets (staff)', { 200: W.CustomerDetails }),

  op('get', '/api/users', 'admin', 'Staff accounts', { 200: list('users', W.User) }),
  op('post', '/api/users', 'admin', 'Create a staff account', { 201: W.User }, { body: rq.NewUser }),
  op('get', '/api/members', 'staff', 'Active staff with status and load (no emails): whom a ticket can go to', { 200: list('members', W.MemberLoad) }),
  op('patch', '/api/users/me', 'staff', 'Set your own availability', { 200: W.User }, { body: rq.MemberStatusBody }),
  op('patch', '/api/users/:id', 'admin', 'Change a staff account (deactivating, a role or a password change ends its sessions)', { 200: W.User }, { body: rq.UserPatch }),

  op('get', '/api/sites', 'admin', 'Sites', { 200: list('sites', W.Site) }),
  op('post', '/api/sites', 'admin', 'Register a site', { 201: W.Site }, { body: rq.NewSite }),
  op('patch', '/api/sites/:id', 'admin', 'Change a site', { 200: W.Site }, { body: rq.SitePatch }),
  op('post', '/api/sites/:id/rotate-secret', 'admin', 'New identity secret (signs every identified visitor out)', { 200: W.Site }),

  op('get', '/api/teams', 'staff', 'Teams', { 200: list('teams', W.Team) }),
  op('post', '/api/teams', 'admin', 'Create a team', { 201: W.Team }, { body: rq.NewTeam }),
  op('patch', '/api/teams/:id', 'admin', 'Change a team', { 200: W.Team }, { body: rq.TeamPatch }),
  op('delete', '/api/teams/:id', 'admin', 'Delete a team', { 204: null }),

  op('get', '/api/canned-responses', 'staff', 'Saved replies: the team’s and your own', { 200: list('cannedResponses', W.CannedResponse) }),
  op('post', '/api/canned-responses', 'staff', 'Save a reply (team ones: admins)', { 201: W.CannedResponse }, { body: rq.NewCannedResponseBody }),
  op('patch', '/api/canned-responses/:id', 'staff', 'Change a saved reply', { 200: W.CannedResponse }, { body: rq.CannedResponsePatch }),
  op('delete', '/api/canned-responses/:id', 'staff', 'Delete a saved reply', { 204: null }),

  op('get', '/api/tokens', 'admin', 'API tokens (never their secret)', { 200: list('tokens', W.ApiToken) }),
  op('post', '/api/tokens', 'admin', 'Create an API token: the answer holds the token, shown this once', { 201: W.NewApiToken }, { body: rq.NewApiTokenBody }),
  op('delete', '/api/tokens/:id', 'admin', 'Revoke an API token', { 204: null }),

  op('get', '/api/webhooks', 'admin', 'Webhook endpoints', { 200: list('webhooks', W.WebhookEndpoint) }),
  op('post', '/api/webhooks', 'admin', 'Register an endpoint: the answer holds its signing secret', { 201: W.WebhookEndpointWithSecret }, { body: rq.NewWebhookBody }),
  op('get', '/api/webhooks/:id', 'admin', 'One endpoint', { 200: W.WebhookEndpoint }),
  op('patch', '/api/webhooks/:id', 'admin', 'Change an endpoint (active: false pauses it)', { 200: W.WebhookEndpoint }, { body: rq.WebhookPatch }),
  op('delete', '/api/webhooks/:id', 'admin', 'Delete an endpoint and its log', { 204: null }),
  op('post', '/api/webhooks/:id/rotate-secret', 'admin', 'New signing secret, used from the next attempt on', { 200: W.WebhookEndpointWithSecret }, { body: rq.RotateWebhookSecretBody }),
  op('get', '/api/webhooks/:id/deliveries', 'admin', 'The last 100 deliveries, newest first', { 200: list('deliveries', W.WebhookDelivery) }),
  op('post', '/api/webhooks/:id/deliveries/:deliveryId/redeliver', 'admin', 'Send a delivery again (same Parley-Delivery id)', { 200: W.WebhookDelivery }),
];
