// What the server answers, as schemas: the OpenAPI document's response bodies are generated from these
// and the HTTP tests check every answer against them. The wire types stay the interfaces in protocol/
// (clients import them without valibot); `same` below makes the compiler refuse any schema here that
// no longer matches its interface, so adding a field to a wire type means adding it here too.
import * as v from 'valibot';
import type * as W from '../index.ts';
import { CANNED_SCOPES } from '../canned-responses.ts';
import { ERROR_CODES } from '../errors.ts';
import { ASK_EMAIL, MAIL_KINDS, MAIL_STATES } from '../mail.ts';
import { DELIVERY_STATES, SCOPES, WEBHOOK_EVENTS } from '../integrations.ts';
import { MEMBER_STATUSES, ROUTING_MODES } from '../routing.ts';
import { TICKET_ACTIONS, TICKET_STATUSES, URGENCIES } from '../tickets.ts';
import { ROLES } from '../users.ts';

const id = v.string();
const time = v.pipe(v.string(), v.isoTimestamp());
const int = v.pipe(v.number(), v.integer());
const nullable = <S extends v.GenericSchema>(s: S) => v.nullable(s);
const obj = v.strictObject;

const AUTHOR_KINDS = ['customer', 'member', 'admin', 'system', 'integration'] as const satisfies readonly W.AuthorKind[];

export const ErrorBody = obj({ error: obj({ code: v.picklist(ERROR_CODES), message: v.string() }) });

export const PersonRef = obj({ id, name: v.optional(nullable(v.string())) });
export const Ticket = obj({
  id, siteId: id, customer: PersonRef, category: v.string(), urgency: v.picklist(URGENCIES), description: v.string(),
  status: v.picklist(TICKET_STATUSES), assignee: nullable(obj({ id, name: v.string() })), rejectReason: nullable(v.string()),
  createdAt: time, acceptedAt: nullable(time), rejectedAt: nullable(time), closedAt: nullable(time),
  labels: v.optional(v.array(v.string())), lastSeq: int, readSeq: v.optional(int),
});
export const TicketEvent = obj({
  id, ticketId: id, action: v.picklist(['create', ...TICKET_ACTIONS, 'transfer']), from: nullable(v.picklist(TICKET_STATUSES)), to: v.picklist(TICKET_STATUSES),
  actor: obj({ kind: v.picklist(AUTHOR_KINDS), id, name: v.optional(nullable(v.string())) }), reason: nullable(v.string()), at: time,
});
export const Author = obj({ kind: v.picklist(AUTHOR_KINDS), id, name: v.optional(nullable(v.string())) });
export const Attachment = obj({ id, ticketId: id, name: v.string(), type: v.string(), size: int, width: v.optional(int), height: v.optional(int), url: v.string() });
export const Message = obj({
  id, ticketId: id, seq: int, clientId: v.string(), author: Author, body: v.string(), createdAt: time, internal: v.optional(v.boolean()), afterSeq: v.optional(int),
  attachments: v.optional(v.array(Attachment)),
});
export const MessagePage = obj({ messages: v.array(Message), hasMore: v.boolean() });
export const ChatSummary = obj({ ticket: Ticket, lastMessage: nullable(Message) });
export const ChatPage = obj({ chats: v.array(ChatSummary), nextCursor: nullable(v.string()) });
export const SearchResult = obj({
  ticket: Ticket, snippet: v.string(), highlights: v.array(v.tuple([int, int])), match: v.picklist(['id', 'email', 'text']), internal: v.optional(v.boolean()),
});
export const SearchResponse = obj({ results: v.array(SearchResult) });

export const User = obj({
  id, email: v.string(), name: v.string(), role: v.picklist(ROLES), active: v.boolean(), status: v.picklist(MEMBER_STATUSES), capacity: int, mailNewTickets: v.optional(v.boolean()), mailCustomerReplies: v.optional(v.boolean()), createdAt: time,
});
export const Customer = obj({ id, siteId: id, name: nullable(v.string()), email: nullable(v.string()), verified: v.boolean(), externalId: nullable(v.string()) });
export const SiteAvailability = obj({ open: v.boolean(), backAt: nullable(time) });
export const BusinessHours = obj({
  timeZone: v.string(), weekly: v.array(obj({ day: int, from: v.string(), to: v.string() })), closedDates: v.optional(v.array(v.string())),
});
const CategoryLabels = v.record(v.string(), v.record(v.string(), v.string()));
export const PublicSite = obj({
  id, name: v.string(), categories: v.array(v.string()), categoryLabels: v.optional(CategoryLabels), requireIdentity: v.boolean(),
  askEmail: v.optional(v.picklist(ASK_EMAIL)), transcripts: v.optional(v.boolean()), availability: v.optional(SiteAvailability),
});
export const VisitorSession = obj({ visitorToken: v.string(), customer: Customer, site: PublicSite, ticketId: v.optional(id) });
export const Site = obj({
  id, name: v.string(), key: v.string(), secret: v.string(), origins: v.array(v.string()), categories: v.array(v.string()),
  categoryLabels: v.optional(CategoryLabels), requireIdentity: v.boolean(), routing: v.picklist(ROUTING_MODES), askEmail: v.optional(v.picklist(ASK_EMAIL)), transcripts: v.optional(v.boolean()),
  hours: v.optional(nullable(BusinessHours)), snippet: v.string(), createdAt: time,
});

const contextFields = {
  pageUrl: v.optional(v.string()), pageTitle: v.optional(v.string()), referrer: v.optional(v.string()),
  locale: v.optional(v.string()), timeZone: v.optional(v.string()),
};
export const CustomerContext = obj({ ...contextFields, userAgent: v.optional(v.string()) });
export const CustomerProfile = obj({
  id, name: nullable(v.string()), email: nullable(v.string()), verified: v.boolean(),
  attributes: v.record(v.string(), v.union([v.string(), v.number(), v.boolean()])), context: nullable(CustomerContext),
  firstSeenAt: time, lastSeenAt: nullable(time), online: v.boolean(),
});
export const CustomerTicket = obj({ ...Ticket.entries, openedOn: nullable(obj({ url: v.string(), title: nullable(v.string()) })) });
export const CustomerDetails = obj({ customer: CustomerProfile, tickets: v.array(CustomerTicket) });

export const Rating = obj({ ticketId: id, score: int, comment: nullable(v.string()), createdAt: time });
export const ReplyTime = obj({ medianFirstResponseSeconds: nullable(v.number()) });
export const CannedResponse = obj({
  id, shortcut: v.string(), title: v.string(), body: v.string(), scope: v.picklist(CANNED_SCOPES), ownerId: nullable(id), createdAt: time, updatedAt: time,
});
export const Team = obj({ id, name: v.string(), memberIds: v.array(id), categories: v.array(v.string()), createdAt: time });
export const QueuePosition = obj({ ticketId: id, position: nullable(int) });

export const ApiToken = obj({ id, name: v.string(), scopes: v.array(v.picklist(SCOPES)), hint: v.string(), createdAt: time, lastUsedAt: nullable(time) });
export const NewApiToken = obj({ ...ApiToken.entries, token: v.string() });
export const WebhookEndpoint = obj({ id, url: v.string(), events: v.array(v.picklist(WEBHOOK_EVENTS)), active: v.boolean(), failingSince: nullable(time), createdAt: time });
export const WebhookEndpointWithSecret = obj({ ...WebhookEndpoint.entries, secret: v.string() });
export const WebhookDelivery = obj({
  id, eventId: id, type: v.picklist(WEBHOOK_EVENTS), ticketId: nullable(id), state: v.picklist(DELIVERY_STATES), attempts: int,
  createdAt: time, lastAttemptAt: nullable(time), nextAttemptAt: nullable(time), responseStatus: nullable(int), durationMs: nullable(v.number()), response: nullable(v.string()),
});

export const OutboxMail = obj({
  id, kind: v.picklist(MAIL_KINDS), to: v.string(), locale: v.string(), subject: v.string(), text: v.string(), ticketId: nullable(id),
  state: v.picklist(MAIL_STATES), attempts: int, createdAt: time, sentAt: nullable(time), nextAttemptAt: nullable(time), lastError: nullable(v.string()),
});
export const OutboxList = obj({ mails: v.array(OutboxMail), delivery: v.variant('kind', [obj({ kind: v.literal('smtp') }), obj({ kind: v.literal('files'), folder: v.string() })]) });

const seconds = nullable(v.number());
const spread = obj({ avg: seconds, p50: seconds, p90: seconds });
export const CsatGroup = obj({ key: v.string(), label: v.string(), ratings: int, average: v.number(), satisfiedShare: v.number() });
export const MemberLoad = obj({ id, name: v.string(), status: v.picklist(MEMBER_STATUSES), assigned: int, capacity: int });
const RoutingStats = obj({
  members: v.array(MemberLoad),
  waiting: int, longestWaitSeconds: seconds,
  queues: v.array(obj({ team: nullable(obj({ id, name: v.string() })), waiting: int, longestWaitSeconds: seconds })),
});
export const Stats = obj({
  connections: obj({ customers: int, members: int, admins: int }),
  tickets: obj(Object.fromEntries(TICKET_STATUSES.map((s) => [s, int])) as Record<W.TicketStatus, typeof int>),
  messagesPerMinute: v.array(int),
  firstResponseSeconds: spread,
  resolutionSeconds: spread,
  businessHours: v.boolean(),
  csat: obj({ overall: nullable(CsatGroup), byMember: v.array(CsatGroup), byCategory: v.array(CsatGroup), byWeek: v.array(CsatGroup) }),
  routing: RoutingStats,
  server: obj({
    uptimeSeconds: v.number(), rssBytes: v.number(), heapUsedBytes: v.number(), eventLoopLagMs: v.number(),
    database: obj({ kind: v.picklist(['postgresql', 'pglite']), ok: v.boolean(), latencyMs: nullable(v.number()) }), instanceId: v.string(),
  }),
});

/** `GET /healthz`: 200 `ok`, or 503 `degraded` with the reason. */
export const Health = obj({
  status: v.picklist(['ok', 'degraded']), database: v.picklist(['postgresql', 'pglite']), bus: v.picklist(['ok', 'reconnecting']),
  error: v.optional(ErrorBody.entries.error),
});

/** The body of every webhook POST (its `data` depends on `type`). */
export const WebhookPayload = obj({ id, type: v.picklist(WEBHOOK_EVENTS), createdAt: time, data: v.unknown() });

// Compile-time: each schema's output is its wire type, no field more or less.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? ([keyof A] extends [keyof B] ? ([keyof B] extends [keyof A] ? true : false) : false) : false) : false;
type Out<S extends v.GenericSchema> = v.InferOutput<S>;
const same = <_ extends true>() => undefined;
same<Same<Out<typeof ErrorBody>, W.ErrorBody>>();
same<Same<Out<typeof Ticket>, W.Ticket>>();
same<Same<Out<typeof TicketEvent>, W.TicketEvent>>();
same<Same<Out<typeof Attachment>, W.Attachment>>();
same<Same<Out<typeof Message>, W.Message>>();
same<Same<Out<typeof MessagePage>, W.MessagePage>>();
same<Same<Out<typeof ChatSummary>, W.ChatSummary>>();
same<Same<Out<typeof ChatPage>, W.ChatPage>>();
same<Same<Out<typeof SearchResult>, W.SearchResult>>();
same<Same<Out<typeof SearchResponse>, W.SearchResponse>>();
same<Same<Out<typeof OutboxMail>, W.OutboxMail>>();
same<Same<Out<typeof OutboxList>, W.OutboxList>>();
same<Same<Out<typeof User>, W.User>>();
same<Same<Out<typeof Customer>, W.Customer>>();
same<Same<Out<typeof PublicSite>, W.PublicSite>>();
same<Same<Out<typeof VisitorSession>, W.VisitorSession>>();
same<Same<Out<typeof Site>, W.Site>>();
same<Same<Out<typeof BusinessHours>, W.BusinessHours>>();
same<Same<Out<typeof SiteAvailability>, W.SiteAvailability>>();
same<Same<Out<typeof CustomerContext>, W.CustomerContext>>();
same<Same<Out<typeof CustomerProfile>, W.CustomerProfile>>();
same<Same<Out<typeof CustomerTicket>, W.CustomerTicket>>();
same<Same<Out<typeof CustomerDetails>, W.CustomerDetails>>();
same<Same<Out<typeof Rating>, W.Rating>>();
same<Same<Out<typeof ReplyTime>, W.ReplyTime>>();
same<Same<Out<typeof CannedResponse>, W.CannedResponse>>();
same<Same<Out<typeof Team>, W.Team>>();
same<Same<Out<typeof QueuePosition>, W.QueuePosition>>();
same<Same<Out<typeof ApiToken>, W.ApiToken>>();
same<Same<Out<typeof NewApiToken>, W.NewApiToken>>();
same<Same<Out<typeof WebhookEndpoint>, W.WebhookEndpoint>>();
same<Same<Out<typeof WebhookEndpointWithSecret>, W.WebhookEndpointWithSecret>>();
same<Same<Out<typeof WebhookDelivery>, W.WebhookDelivery>>();
same<Same<Out<typeof CsatGroup>, W.CsatGroup>>();
same<Same<Out<typeof RoutingStats>, W.RoutingStats>>();
same<Same<Out<typeof MemberLoad>, W.MemberLoad>>();
same<Same<Out<typeof Stats>, W.Stats>>();
same<Same<Out<typeof WebhookPayload>, W.WebhookPayload>>();
