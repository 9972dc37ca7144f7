import Router from '@koa/router';
import { LabelsBody } from '../../../protocol/schemas/index.ts';
import { input } from '../../input.ts';
import { requireActor, requireStaff } from '../auth.ts';
import type { Ctx } from '../state.ts';

export const labelRoutes = new Router({ prefix: '/api' });

labelRoutes.put('/tickets/:id/labels', async (ctx: Ctx) => {
  const actor = requireActor(ctx);
  const { labels } = input(LabelsBody, ctx.state.body);
  ctx.body = await ctx.state.services.labels.set(actor, ctx.params.id!, labels);
});

labelRoutes.get('/labels', async (ctx: Ctx) => {
  requireStaff(ctx);
  ctx.body = { labels: await ctx.state.services.labels.inUse() };
});
