import Router from '@koa/router';
import type { ReplyTime } from '../../../protocol/index.ts';
import { forbidden } from '../../errors.ts';
import { requireActor } from '../auth.ts';
import type { Ctx } from '../state.ts';

export const replyTimeRoutes = new Router({ prefix: '/api' });

/** The widget's "We typically reply in …": one figure for the visitor's own site. */
replyTimeRoutes.get('/reply-time', async (ctx: Ctx) => {
  const actor = requireActor(ctx);
  if (actor.kind !== 'customer') throw forbidden('the reply time is the widget’s');
  const body: ReplyTime = { medianFirstResponseSeconds: await ctx.state.services.replyTime.medianFirstResponse(actor.siteId) };
  ctx.body = body;
});
