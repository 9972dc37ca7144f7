import Router from '@koa/router';
import { RatingBody } from '../../../protocol/schemas/index.ts';
import { input } from '../../input.ts';
import { requireActor } from '../auth.ts';
import type { Ctx } from '../state.ts';

export const ratingRoutes = new Router({ prefix: '/api' });

ratingRoutes.post('/tickets/:id/rating', async (ctx: Ctx) => {
  const actor = requireActor(ctx);
  const rating = input(RatingBody, ctx.state.body);
  ctx.status = 201;
  ctx.body = await ctx.state.services.ratings.rate(actor, ctx.params.id!, rating);
});

ratingRoutes.get('/tickets/:id/rating', async (ctx: Ctx) => {
  ctx.body = { rating: await ctx.state.services.ratings.get(requireActor(ctx), ctx.params.id!) };
});
