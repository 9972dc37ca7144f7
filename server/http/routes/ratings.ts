import Router from '@koa/router';
import { checkRating } from '../../../protocol/index.ts';
import { AppError } from '../../errors.ts';
import { requireActor } from '../auth.ts';
import type { Ctx } from '../state.ts';

export const ratingRoutes = new Router({ prefix: '/api' });

ratingRoutes.post('/tickets/:id/rating', async (ctx: Ctx) => {
  const actor = requireActor(ctx);
  const checked = checkRating(ctx.state.body);
  if (!checked.ok) throw new AppError(checked.code, checked.message);
  ctx.status = 201;
  ctx.body = await ctx.state.services.ratings.rate(actor, ctx.params.id!, checked.value);
});

ratingRoutes.get('/tickets/:id/rating', async (ctx: Ctx) => {
  ctx.body = { rating: await ctx.state.services.ratings.get(requireActor(ctx), ctx.params.id!) };
});
