import Koa from 'koa';
import { logger } from '../log.ts';
import type { Services } from '../services/index.ts';
import { authenticate } from './auth.ts';
import { errors } from './errors.ts';
import { headers } from './headers.ts';
import { jsonBody } from './json-body.ts';
import { origin } from './origin.ts';
import { requestLog } from './request-log.ts';
import { resumeScope } from './resume-scope.ts';
import { attachmentRoutes } from './routes/attachments.ts';
import { authRoutes } from './routes/auth.ts';
import { cannedResponseRoutes } from './routes/canned-responses.ts';
import { customerRoutes } from './routes/customers.ts';
import { labelRoutes } from './routes/labels.ts';
import { outboxRoutes, unsubscribeRoutes } from './routes/mail.ts';
import { availabilityRoutes } from './routes/availability.ts';
import { healthRoutes } from './routes/health.ts';
import { openApiRoutes } from './routes/openapi.ts';
import { ratingRoutes } from './routes/ratings.ts';
import { replyTimeRoutes } from './routes/reply-time.ts';
import { searchRoutes } from './routes/search.ts';
import { siteRoutes } from './routes/sites.ts';
import { teamRoutes } from './routes/teams.ts';
import { ticketRoutes } from './routes/tickets.ts';
import { userRoutes } from './routes/users.ts';
import { visitorRoutes } from './routes/visitor.ts';
import { scopes } from './scopes.ts';
import { tokenRoutes } from './routes/tokens.ts';
import { webhookRoutes } from './routes/webhooks.ts';
import { mw, type Ctx } from './state.ts';
import { staticFiles } from './static.ts';

export interface AppOptions {
  services: Services;
  root: string;
  connections: () => { customers: number; members: number; admins: number };
}

/** Every router after the body parser, in matching order (the OpenAPI test reads these and unsubscribeRoutes). */
export const routers = (connections: AppOptions['connections']) => [
  authRoutes, visitorRoutes, availabilityRoutes, ticketRoutes, attachmentRoutes, userRoutes, siteRoutes, teamRoutes, tokenRoutes, webhookRoutes, ratingRoutes,
  customerRoutes, cannedResponseRoutes, labelRoutes, searchRoutes, replyTimeRoutes, outboxRoutes, openApiRoutes, healthRoutes(connections),
];

/**
 * Builds the Koa app; only start.ts listens. Middleware order: services and metrics, headers, request
 * log, errors, static, origin/CORS, unsubscribe links, body, auth, routes.
 */
export function createApp({ services, root, connections }: AppOptions): Koa {
  const app = new Koa({ proxy: services.config.trustProxy });
  app.on('error', (err, ctx?: Ctx) => (ctx?.state?.log ?? logger(services.config.logLevel)).error({ err }, 'unexpected error'));
  app.use(mw(async (ctx, next) => {
    ctx.state.services = services;
    const started = performance.now();
    try {
      await next();
    } finally {
      services.metrics.httpLatency.observe({ method: ctx.method, status: String(ctx.status) }, (performance.now() - started) / 1000);
    }
  }));
  app.use(headers);
  app.use(requestLog);
  app.use(errors);
  app.use(staticFiles(root, 'console/index.html'));
  app.use(origin);
  // Mail clients post the one-click unsubscribe as a form, not JSON.
  app.use(unsubscribeRoutes.routes());
  app.use(jsonBody);
  app.use(authenticate);
  app.use(resumeScope);
  app.use(scopes);
  for (const router of routers(connections)) {
    app.use(router.routes());
    app.use(router.allowedMethods());
  }
  return app;
}
