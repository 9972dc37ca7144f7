import Router from '@koa/router';
import { NewTeam, TeamPatch } from '../../../protocol/schemas/index.ts';
import { input } from '../../input.ts';
import { requireAdmin, requireStaff } from '../auth.ts';
import type { Ctx } from '../state.ts';

/** Teams: admins manage them; every member may read them (the console's "my teams first" filter). */
export const teamRoutes = new Router({ prefix: '/api/teams' });

teamRoutes.get('/', async (ctx: Ctx) => {
  requireStaff(ctx);
  ctx.body = { teams: await ctx.state.services.teams.list() };
});

teamRoutes.post('/', async (ctx: Ctx) => {
  requireAdmin(ctx);
  ctx.status = 201;
  ctx.body = await ctx.state.services.teams.create(input(NewTeam, ctx.state.body));
});

teamRoutes.patch('/:id', async (ctx: Ctx) => {
  requireAdmin(ctx);
  ctx.body = await ctx.state.services.teams.update(ctx.params.id!, input(TeamPatch, ctx.state.body));
});

teamRoutes.delete('/:id', async (ctx: Ctx) => {
  requireAdmin(ctx);
  await ctx.state.services.teams.remove(ctx.params.id!);
  ctx.status = 204;
});
