import type { Config } from '../config.ts';
import { logger } from '../log.ts';
import type { Database } from '../db/orm.ts';
import type { Bus } from '../realtime/bus.ts';
import type { Metrics } from '../metrics.ts';
import { ApiTokenService } from './api-tokens.ts';
import { AuthService } from './auth.ts';
import { CannedResponseService } from './canned-responses.ts';
import { CustomerService } from './customers.ts';
import { AssignmentService } from './assignment.ts';
import { InboxService } from './inbox.ts';
import { LabelService } from './labels.ts';
import { AvailabilityService } from './availability.ts';
import { MailOutboxService } from './mail-outbox.ts';
import { MessageAllowance } from './message-allowance.ts';
import { MessageService } from './messages.ts';
import { RESUME_LINK_MS } from '../mail/resume-link.ts';
import { CustomerPresence } from '../realtime/customer-presence.ts';
import { Limits } from './rate-limit.ts';
import { RatingService } from './ratings.ts';
import { ReplyTimeService } from './reply-time.ts';
import { RoutingService } from './routing.ts';
import { SearchService } from './search.ts';
import { SiteService } from './sites.ts';
import { TeamService } from './teams.ts';
import { TicketService } from './tickets.ts';
import { UserService } from './users.ts';
import { VisitorService } from './visitors.ts';
import { createSender } from './webhook-sender.ts';
import { WebhookWorker } from './webhook-worker.ts';
import { WebhookService } from './webhooks.ts';
import { MailWorker } from '../mail/worker.ts';
import { AttachmentService } from '../attachments/service.ts';
import { DatabaseStorage } from '../attachments/storage.ts';
import { createMailTransport } from '../mail/transport.ts';
import { TicketMail } from '../mail/ticket-mail.ts';
import { UnreadReplyMailer } from '../mail/unread-replies.ts';
import { renderCustomerReplyDrafts } from '../mail/staff-mail.ts';

/** Everything the HTTP routes and the socket hub call; built once per server. */
export interface Services {
  config: Config;
  db: Database;
  bus: Bus;
  metrics: Metrics;
  auth: AuthService;
  users: UserService;
  sites: SiteService;
  visitors: VisitorService;
  tickets: TicketService;
  messages: MessageService;
  ratings: RatingService;
  replyTime: ReplyTimeService;
  apiTokens: ApiTokenService;
  webhooks: WebhookService;
  /** Sends the webhook outbox; start.ts starts and stops it. */
  webhookWorker: WebhookWorker;
  /** Sends the mail outbox; start.ts starts and stops it. */
  mailWorker: MailWorker;
  unreadReplies: UnreadReplyMailer;
  mailOutbox: MailOutboxService;
  customers: CustomerService;
  cannedResponses: CannedResponseService;
  labels: LabelService;
  assignment: AssignmentService;
  search: SearchService;
  inbox: InboxService;
  /** Rate limits shared by every instance (services/rate-limit.ts). */
  limits: Limits;
  /** Chat messages per user per second, on sockets and HTTP together. */
  messageAllowance: MessageAllowance;
  routing: RoutingService;
  teams: TeamService;
  availability: AvailabilityService;
  attachments: AttachmentService;
  /** Which customers have a socket open on any instance (customer_connections). */
  customerPresence: CustomerPresence;
}

export function createServices(config: Config, db: Database, bus: Bus, metrics: Metrics): Services {
  const limits = new Limits(config, db);
  const auth = new AuthService(db, bus, config.sessionTtlHours, limits);
  const sites = new SiteService(db, bus);
  const publicUrl = () => config.publicUrl ?? `http://localhost:${config.port}`;
  const ticketMail = new TicketMail(publicUrl);
  const tickets = new TicketService(db, bus, sites, ticketMail);
  const unreadReplies = new UnreadReplyMailer(db, config.mail.emailAfterMs);
  const mailWorker = new MailWorker(db, config.mail, createMailTransport(config.mail, config.dataDir), publicUrl,
    (err) => logger(config.logLevel).error({ err }, 'mail worker failed'), (url) => unreadReplies.sweep(url), (url) => renderCustomerReplyDrafts(db.sql, url));
  const webhooks = new WebhookService(db);
  // Created below; the worker asks it for message files only while delivering.
  let attachments: AttachmentService;
  const webhookWorker = new WebhookWorker(db, config.webhooks, createSender(config.webhooks), (id) => tickets.wire(id), logger(config.logLevel), (messages) => attachments.ofStored(messages));
  webhooks.onDue = () => webhookWorker.wake(true);
  // Events committed here make deliveries due at once; other instances' are found by polling.
  bus.subscribe((e, local) => {
    if (local && (e.t === 'ticket' || e.t === 'message')) webhookWorker.wake();
    if (local && e.t === 'ticket') mailWorker.wake();
  });
  const logError = (err: unknown) => logger(config.logLevel).error({ err }, 'routing failed');
  const routing = new RoutingService(db, bus, tickets, logError);
  const kick = () => routing.kick();
  attachments = new AttachmentService(db, tickets, new DatabaseStorage(db), config.maxUploadBytes, config.orphanAttachmentMs,
    (err) => logger(config.logLevel).error({ err }, 'attachment sweep failed'));
  ticketMail.useFiles((ids, sql) => attachments.ofMessages(ids, RESUME_LINK_MS, sql));
  return {
    attachments,
    customerPresence: new CustomerPresence(db, bus.instanceId, (err) => logger(config.logLevel).error({ err }, 'customer presence write failed')),
    config, db, bus, metrics, auth, sites, tickets, routing, limits,
    messageAllowance: new MessageAllowance(config.fairUse.userMessages),
    mailOutbox: new MailOutboxService(db, config.mail, config.dataDir),
    teams: new TeamService(db, kick),
    availability: new AvailabilityService(db, config.offlineGraceSeconds * 1000, kick, logError),
    users: new UserService(db, auth),
    visitors: new VisitorService(db, sites, bus, limits),
    messages: new MessageService(db, bus, tickets, attachments, (n, seconds) => {
      metrics.batchSeconds.observe(seconds);
      metrics.batchMessages.observe(n);
    }),
    ratings: new RatingService(db, tickets),
    replyTime: new ReplyTimeService(db),
    apiTokens: new ApiTokenService(db),
    webhooks, webhookWorker, mailWorker, unreadReplies,
    customers: new CustomerService(db),
    cannedResponses: new CannedResponseService(db),
    labels: new LabelService(db, bus),
    assignment: new AssignmentService(db, bus, tickets),
    search: new SearchService(db, tickets),
    inbox: new InboxService(db, attachments),
  };
}
