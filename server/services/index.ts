import type { Config } from '../config.ts';
import type { Database } from '../db/orm.ts';
import type { Bus } from '../realtime/bus.ts';
import type { Metrics } from '../metrics.ts';
import { ApiTokenService } from './api-tokens.ts';
import { AuthService } from './auth.ts';
import { MessageService } from './messages.ts';
import { RatingService } from './ratings.ts';
import { SiteService } from './sites.ts';
import { TicketService } from './tickets.ts';
import { UserService } from './users.ts';
import { VisitorService } from './visitors.ts';
import { createSender } from './webhook-sender.ts';
import { WebhookWorker } from './webhook-worker.ts';
import { WebhookService } from './webhooks.ts';

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
  apiTokens: ApiTokenService;
  webhooks: WebhookService;
  /** Sends the webhook outbox; start.ts starts and stops it. */
  webhookWorker: WebhookWorker;
}

export function createServices(config: Config, db: Database, bus: Bus, metrics: Metrics): Services {
  const auth = new AuthService(db, bus, config.sessionTtlHours);
  const sites = new SiteService(db, bus);
  const tickets = new TicketService(db, bus, sites);
  const webhooks = new WebhookService(db);
  const webhookWorker = new WebhookWorker(db, config.webhooks, createSender(config.webhooks));
  webhooks.onDue = () => webhookWorker.wake(true);
  // Events committed here make deliveries due at once; other instances' are found by polling.
  bus.subscribe((e, local) => {
    if (local && (e.t === 'ticket' || e.t === 'message')) webhookWorker.wake();
  });
  return {
    config, db, bus, metrics, auth, sites, tickets,
    users: new UserService(db, auth),
    visitors: new VisitorService(db, sites, config.newVisitorsPerMinute),
    messages: new MessageService(db, bus, tickets),
    ratings: new RatingService(db, tickets),
    apiTokens: new ApiTokenService(db),
    webhooks, webhookWorker,
  };
}
