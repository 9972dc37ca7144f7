import Router from '@koa/router';
import { NewApiTokenBody } from '../../../protocol/schemas/index.ts';
import { input } from '../../input.ts';
import { requireAdmin } from '../auth.ts';
import type { Ctx } from '../state.ts';

/** Admin: API tokens. The token is in the answer to POST only. */
export const tokenRoutes = new Router({ prefix: '/api/tokens' });

tokenRoutes.get('/', async (ctx: Ctx) => {
  requireAdmin(ctx);
  ctx.body = { tokens: await ctx.state.services.apiTokens.list() };
});

tokenRoutes.post('/', async (ctx: Ctx) => {
  const admin = requireAdmin(ctx);
  const body = input(NewApiTokenBody, ctx.state.body);
  ctx.status = 201;
  ctx.body = await ctx.state.services.apiTokens.create(body, admin.id);
});

tokenRoutes.delete('/:id', async (ctx: Ctx) => {
  requireAdmin(ctx);
  await ctx.state.services.apiTokens.revoke(ctx.params.id!);
  ctx.status = 204;
});
