import Router from '@koa/router';
import { requireActor } from '../auth.ts';
import type { Ctx } from '../state.ts';

export const customerRoutes = new Router({ prefix: '/api' });

/** Customer context for the console's details panel (staff only). */
customerRoutes.get('/customers/:id', async (ctx: Ctx) => {
  ctx.body = await ctx.state.services.customers.details(requireActor(ctx), ctx.params.id!);
});
