import Router from '@koa/router';
import { VisitorRequest } from '../../../protocol/schemas/index.ts';
import { unauthorized } from '../../errors.ts';
import { input } from '../../input.ts';
import { customerToWire, publicSite } from '../../services/serialize.ts';
import { requireActor } from '../auth.ts';
import { userAgentOf } from '../customer-input.ts';
import type { Ctx } from '../state.ts';

export const visitorRoutes = new Router({ prefix: '/api' });

/** A widget session for a site key: anonymous, resumed from a token, or identified by the site owner. */
visitorRoutes.post('/visitor', async (ctx: Ctx) => {
  const { context, ...request } = input(VisitorRequest, ctx.state.body);
  const visit = { context, attributes: request.identity?.attributes, userAgent: userAgentOf(ctx.get('user-agent')) };
  const result = await ctx.state.services.visitors.session(request, ctx.state.origin, ctx.ip);
  await ctx.state.services.customers.seen(result.customer.id, visit);
  ctx.body = { visitorToken: result.token, customer: customerToWire(result.customer), site: publicSite(result.site), ...(result.ticketId ? { ticketId: result.ticketId } : {}) };
});

/** The widget's reset (the site's log-out): this visitor token ends, and its sockets close with 4001. */
visitorRoutes.post('/visitor/reset', async (ctx: Ctx) => {
  const actor = requireActor(ctx);
  if (actor.kind !== 'customer') throw unauthorized('visitor token required');
  await ctx.state.services.visitors.retire(/^Bearer (.+)$/.exec(ctx.get('authorization'))![1]!);
  ctx.status = 204;
});

visitorRoutes.get('/site', async (ctx: Ctx) => {
  const actor = requireActor(ctx);
  if (actor.kind !== 'customer') throw unauthorized('visitor token required');
  const site = await ctx.state.services.sites.get(actor.siteId);
  ctx.body = publicSite(site!);
});
