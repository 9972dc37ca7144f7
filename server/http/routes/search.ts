import Router from '@koa/router';
import { SearchQuery } from '../../../protocol/schemas/index.ts';
import { forbidden } from '../../errors.ts';
import { input } from '../../input.ts';
import { requireActor } from '../auth.ts';
import type { Ctx } from '../state.ts';

export const searchRoutes = new Router({ prefix: '/api' });

/** Staff, and tokens that may read tickets and messages (TOKEN_ROUTES); scoped like the ticket list. */
searchRoutes.get('/search', async (ctx: Ctx) => {
  const actor = requireActor(ctx);
  if (actor.kind === 'customer') throw forbidden('staff only');
  const q = input(SearchQuery, ctx.query, 'query');
  ctx.body = { results: await ctx.state.services.search.search(actor, q) };
});
