import Router from '@koa/router';
import { SCOPES, INTEGRATION_LIMITS, type Scope } from '../../../protocol/index.ts';
import { badRequest } from '../../errors.ts';
import { asBody, requiredText, stringList } from '../../input.ts';
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
  const body = asBody(ctx.state.body);
  const name = requiredText(body, 'name', INTEGRATION_LIMITS.tokenName);
  const scopes = stringList(body, 'scopes', SCOPES.length, 32)!;
  const unknown = scopes.find((s) => !SCOPES.includes(s as Scope));
  if (unknown) throw badRequest(`unknown scope "${unknown.slice(0, 32)}"; scopes are: ${SCOPES.join(', ')}`);
  if (!scopes.length) throw badRequest('scopes must name at least one scope');
  ctx.status = 201;
  ctx.body = await ctx.state.services.apiTokens.create({ name, scopes: scopes as Scope[] }, admin.id);
});

tokenRoutes.delete('/:id', async (ctx: Ctx) => {
  requireAdmin(ctx);
  await ctx.state.services.apiTokens.revoke(ctx.params.id!);
  ctx.status = 204;
});
