import Router from '@koa/router';
import { NewUser, UserPatch } from '../../../protocol/schemas/index.ts';
import { input } from '../../input.ts';
import { userToWire } from '../../services/serialize.ts';
import { requireAdmin, requireAdminOrScope } from '../auth.ts';
import type { Ctx } from '../state.ts';

export const userRoutes = new Router({ prefix: '/api/users' });

userRoutes.get('/', async (ctx: Ctx) => {
  requireAdminOrScope(ctx, 'users:read');
  ctx.body = { users: (await ctx.state.services.users.list()).map(userToWire) };
});

userRoutes.post('/', async (ctx: Ctx) => {
  requireAdmin(ctx);
  const user = await ctx.state.services.users.create(input(NewUser, ctx.state.body));
  ctx.status = 201;
  ctx.body = userToWire(user);
});

userRoutes.patch('/:id', async (ctx: Ctx) => {
  const admin = requireAdmin(ctx);
  const user = await ctx.state.services.users.update(ctx.params.id!, input(UserPatch, ctx.state.body), admin.id);
  ctx.state.services.routing.kick();
  ctx.body = userToWire(user);
});
