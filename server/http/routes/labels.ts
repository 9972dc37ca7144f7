import Router from '@koa/router';
import { LABEL, MAX_LABELS } from '../../../protocol/index.ts';
import { AppError, badRequest } from '../../errors.ts';
import { asBody } from '../../input.ts';
import { requireActor, requireStaff } from '../auth.ts';
import type { Ctx } from '../state.ts';

export const labelRoutes = new Router({ prefix: '/api' });

/** `?label=` of the ticket list: one label, by the same rule as stored ones. */
export function labelQuery(value: string | string[]): string {
  const label = (Array.isArray(value) ? value[0]! : value).trim();
  if (!LABEL.test(label)) throw badRequest('label must be 1-32 letters, digits, - or _');
  return label;
}

labelRoutes.put('/tickets/:id/labels', async (ctx: Ctx) => {
  const actor = requireActor(ctx);
  const body = asBody(ctx.state.body);
  const labels = body.labels;
  if (!Array.isArray(labels) || labels.some((l) => typeof l !== 'string')) throw badRequest('labels must be an array of strings');
  if (labels.length > MAX_LABELS * 4) throw new AppError('too_large', `a ticket has at most ${MAX_LABELS} labels`);
  ctx.body = await ctx.state.services.labels.set(actor, ctx.params.id!, labels as string[]);
});

labelRoutes.get('/labels', async (ctx: Ctx) => {
  requireStaff(ctx);
  ctx.body = { labels: await ctx.state.services.labels.inUse() };
});
