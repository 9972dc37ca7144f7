import Router from '@koa/router';
import { CANNED_LIMITS, CANNED_SCOPES, CANNED_SHORTCUT, type NewCannedResponse } from '../../../protocol/index.ts';
import { badRequest } from '../../errors.ts';
import { asBody, oneOf, text, type Body } from '../../input.ts';
import { requireStaff } from '../auth.ts';
import type { Ctx } from '../state.ts';

export const cannedResponseRoutes = new Router({ prefix: '/api' });

/** The editable fields of a body; `partial` for PATCH (absent fields stay as they are). */
function fields(body: Body, partial: boolean): Partial<Omit<NewCannedResponse, 'scope'>> {
  const shortcut = text(body, 'shortcut', 32, { optional: partial });
  if (shortcut !== undefined && !CANNED_SHORTCUT.test(shortcut)) throw badRequest('shortcut must be 1-32 lowercase letters, digits, - or _');
  const out = {
    shortcut,
    title: text(body, 'title', CANNED_LIMITS.title, { optional: partial }),
    // Bodies keep their own line breaks and spacing.
    body: text(body, 'body', CANNED_LIMITS.body, { optional: partial, trim: false }),
  };
  if (out.body !== undefined && !out.body.trim()) throw badRequest('body must not be empty');
  return Object.fromEntries(Object.entries(out).filter(([, v]) => v !== undefined));
}

cannedResponseRoutes.get('/canned-responses', async (ctx: Ctx) => {
  ctx.body = { cannedResponses: await ctx.state.services.cannedResponses.list(requireStaff(ctx)) };
});

cannedResponseRoutes.post('/canned-responses', async (ctx: Ctx) => {
  const actor = requireStaff(ctx);
  const body = asBody(ctx.state.body);
  const input = { ...(fields(body, false) as Omit<NewCannedResponse, 'scope'>), scope: oneOf(body, 'scope', CANNED_SCOPES)! };
  ctx.status = 201;
  ctx.body = await ctx.state.services.cannedResponses.create(actor, input);
});

cannedResponseRoutes.patch('/canned-responses/:id', async (ctx: Ctx) => {
  const actor = requireStaff(ctx);
  const body = asBody(ctx.state.body);
  if (body.scope !== undefined) throw badRequest('scope cannot change; create a new response instead');
  ctx.body = await ctx.state.services.cannedResponses.update(actor, ctx.params.id!, fields(body, true));
});

cannedResponseRoutes.delete('/canned-responses/:id', async (ctx: Ctx) => {
  await ctx.state.services.cannedResponses.remove(requireStaff(ctx), ctx.params.id!);
  ctx.status = 204;
});
