import Router from '@koa/router';
import { SearchQuery } from '../../../protocol/schemas/index.ts';
import { hasScope } from '../../domain/index.ts';
import { forbidden } from '../../errors.ts';
import { input } from '../../input.ts';
import { requireActor } from '../auth.ts';
import type { Ctx } from '../state.ts';

export const searchRoutes = new Router({ prefix: '/api' });

/** Staff, and tokens that may read tickets and messages (snippets quote messages); scoped like the ticket list. */
searchRoutes.get('/search', async (ctx: Ctx) => {
  const actor = requireActor(ctx);
  if (actor.kind === 'customer') throw forbidden('staff only');
  if (actor.kind === 'integration' && !hasScope(actor, 'messages:read')) throw forbidden('this token lacks the messages:read scope');
  const q = input(SearchQuery, ctx.query, 'query');
  ctx.body = { results: await ctx.state.services.search.search(actor, q) };
});
