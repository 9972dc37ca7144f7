import Router from '@koa/router';
import { LIMITS, ROUTING_LIMITS, type TeamInput } from '../../../protocol/index.ts';
import { asBody, requiredText, stringList, text, type Body } from '../../input.ts';
import { requireAdmin, requireStaff } from '../auth.ts';
import type { Ctx } from '../state.ts';

/** Teams: admins manage them; every member may read them (the console's "my teams first" filter). */
export const teamRoutes = new Router({ prefix: '/api/teams' });

function teamInput(body: Body, partial: boolean): Partial<TeamInput> {
  return {
    name: partial ? text(body, 'name', ROUTING_LIMITS.teamName, { optional: true }) : requiredText(body, 'name', ROUTING_LIMITS.teamName),
    memberIds: stringList(body, 'memberIds', ROUTING_LIMITS.teamMembers, 64, partial),
    categories: stringList(body, 'categories', ROUTING_LIMITS.teamCategories, LIMITS.category, partial),
  };
}

teamRoutes.get('/', async (ctx: Ctx) => {
  requireStaff(ctx);
  ctx.body = { teams: await ctx.state.services.teams.list() };
});

teamRoutes.post('/', async (ctx: Ctx) => {
  requireAdmin(ctx);
  ctx.status = 201;
  ctx.body = await ctx.state.services.teams.create(teamInput(asBody(ctx.state.body), false) as TeamInput);
});

teamRoutes.patch('/:id', async (ctx: Ctx) => {
  requireAdmin(ctx);
  ctx.body = await ctx.state.services.teams.update(ctx.params.id!, teamInput(asBody(ctx.state.body), true));
});

teamRoutes.delete('/:id', async (ctx: Ctx) => {
  requireAdmin(ctx);
  await ctx.state.services.teams.remove(ctx.params.id!);
  ctx.status = 204;
});
