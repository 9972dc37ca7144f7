import Router from '@koa/router';
import { CannedResponsePatch, NewCannedResponseBody } from '../../../protocol/schemas/index.ts';
import { input } from '../../input.ts';
import { requireStaff } from '../auth.ts';
import type { Ctx } from '../state.ts';

export const cannedResponseRoutes = new Router({ prefix: '/api' });

cannedResponseRoutes.get('/canned-responses', async (ctx: Ctx) => {
  ctx.body = { cannedResponses: await ctx.state.services.cannedResponses.list(requireStaff(ctx)) };
});

cannedResponseRoutes.post('/canned-responses', async (ctx: Ctx) => {
  const actor = requireStaff(ctx);
  const body = input(NewCannedResponseBody, ctx.state.body);
  ctx.status = 201;
  ctx.body = await ctx.state.services.cannedResponses.create(actor, body);
});

cannedResponseRoutes.patch('/canned-responses/:id', async (ctx: Ctx) => {
  const actor = requireStaff(ctx);
  const { scope: _scope, ...patch } = input(CannedResponsePatch, ctx.state.body);
  // Absent fields stay as they are.
  const fields = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as Partial<typeof patch>;
  ctx.body = await ctx.state.services.cannedResponses.update(actor, ctx.params.id!, fields);
});

cannedResponseRoutes.delete('/canned-responses/:id', async (ctx: Ctx) => {
  await ctx.state.services.cannedResponses.remove(requireStaff(ctx), ctx.params.id!);
  ctx.status = 204;
});
