import Router from '@koa/router';
import { LIMITS, ROLES, ROUTING_LIMITS } from '../../../protocol/index.ts';
import { asBody, bool, email, int, oneOf, requiredText, text } from '../../input.ts';
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
  const body = asBody(ctx.state.body);
  const user = await ctx.state.services.users.create({
    email: email(body),
    name: requiredText(body, 'name', LIMITS.name),
    password: requiredText(body, 'password', LIMITS.password.max, { min: LIMITS.password.min, trim: false }),
    role: oneOf(body, 'role', ROLES)!,
  });
  ctx.status = 201;
  ctx.body = userToWire(user);
});

userRoutes.patch('/:id', async (ctx: Ctx) => {
  const admin = requireAdmin(ctx);
  const body = asBody(ctx.state.body);
  const user = await ctx.state.services.users.update(ctx.params.id!, {
    active: bool(body, 'active'),
    role: oneOf(body, 'role', ROLES, true),
    name: text(body, 'name', LIMITS.name, { optional: true }),
    password: text(body, 'password', LIMITS.password.max, { optional: true, min: LIMITS.password.min, trim: false }),
    capacity: int(body, 'capacity', ROUTING_LIMITS.maxCapacity),
  }, admin.id);
  ctx.state.services.routing.kick();
  ctx.body = userToWire(user);
});
