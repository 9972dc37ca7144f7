import Router from '@koa/router';
import { LIMITS, TICKET_STATUSES, URGENCIES } from '../../../protocol/index.ts';
import { checkMessageBody } from '../../../protocol/index.ts';
import { AppError, badRequest } from '../../errors.ts';
import { asBody, oneOf, queryInt, requiredText, text } from '../../input.ts';
import { requireActor, requireAdmin } from '../auth.ts';
import type { Ctx } from '../state.ts';

export const ticketRoutes = new Router({ prefix: '/api' });

ticketRoutes.post('/tickets', async (ctx: Ctx) => {
  const actor = requireActor(ctx);
  const { services } = ctx.state;
  if (actor.kind !== 'customer') throw new AppError('forbidden', 'only customers open tickets');
  const body = asBody(ctx.state.body);
  const site = await services.sites.get(actor.siteId);
  const category = requiredText(body, 'category', LIMITS.category);
  if (site && !site.categories.includes(category)) throw badRequest(`category must be one of: ${site.categories.join(', ')}`);
  const input = {
    category,
    urgency: oneOf(body, 'urgency', URGENCIES)!,
    description: requiredText(body, 'description', LIMITS.description),
    clientId: text(body, 'clientId', LIMITS.clientId, { optional: true }),
  };
  const { ticket, created } = await services.tickets.create(actor, input, site?.requireIdentity ?? false);
  if (created) await services.customers.recordTicketPage(ticket.id, actor.id);
  ctx.status = created ? 201 : 200;
  ctx.body = ticket;
});

ticketRoutes.get('/tickets', async (ctx: Ctx) => {
  const actor = requireActor(ctx);
  const q = ctx.query;
  const status = q.status ? oneOf({ status: q.status }, 'status', TICKET_STATUSES) : undefined;
  const mine = q.mine === 'true' || q.mine === '1';
  const limit = queryInt(q.limit as string | undefined, 'limit', 200, 500);
  ctx.body = { tickets: await ctx.state.services.tickets.list(actor, { status, mine, limit }) };
});

ticketRoutes.get('/tickets/:id', async (ctx: Ctx) => {
  ctx.body = await ctx.state.services.tickets.get(requireActor(ctx), ctx.params.id!);
});

ticketRoutes.get('/tickets/:id/events', async (ctx: Ctx) => {
  ctx.body = { events: await ctx.state.services.tickets.events(requireActor(ctx), ctx.params.id!) };
});

for (const action of ['accept', 'reject', 'close'] as const) {
  ticketRoutes.post(`/tickets/:id/${action}`, async (ctx: Ctx) => {
    const actor = requireActor(ctx);
    const reason = action === 'reject' ? text(asBody(ctx.state.body), 'reason', LIMITS.rejectReason, { optional: true }) : undefined;
    ctx.body = await ctx.state.services.tickets.transition(actor, ctx.params.id!, action, reason);
  });
}

/** History: `?after=<seq>` pages forward (oldest first); `?before=<seq>` pages back from the newest. */
ticketRoutes.get('/tickets/:id/messages', async (ctx: Ctx) => {
  const actor = requireActor(ctx);
  const { services } = ctx.state;
  const ticket = await services.tickets.load(actor, ctx.params.id!);
  const limit = queryInt(ctx.query.limit as string | undefined, 'limit', LIMITS.pageSize, LIMITS.pageSize) || 1;
  if (ctx.query.before !== undefined) {
    ctx.body = await services.messages.before(ticket.id, queryInt(ctx.query.before as string, 'before', 0), limit);
  } else {
    ctx.body = await services.messages.after(ticket.id, queryInt(ctx.query.after as string | undefined, 'after', 0), limit);
  }
});

ticketRoutes.post('/tickets/:id/messages', async (ctx: Ctx) => {
  const actor = requireActor(ctx);
  const body = asBody(ctx.state.body);
  const clientId = requiredText(body, 'clientId', LIMITS.clientId);
  const checked = checkMessageBody(body.body);
  if (!checked.ok) throw new AppError(checked.code, checked.message);
  const { message, duplicate } = await ctx.state.services.messages.send(actor, ctx.params.id!, clientId, checked.value);
  if (!duplicate) ctx.state.services.metrics.messages.inc();
  ctx.status = duplicate ? 200 : 201;
  ctx.body = message;
});

ticketRoutes.post('/tickets/:id/read', async (ctx: Ctx) => {
  const actor = requireActor(ctx);
  const seq = asBody(ctx.state.body).seq;
  if (!Number.isSafeInteger(seq) || (seq as number) < 0) throw badRequest('seq must be a non-negative integer');
  ctx.body = { seq: await ctx.state.services.messages.markRead(actor, ctx.params.id!, seq as number) };
});

ticketRoutes.get('/chats', async (ctx: Ctx) => {
  requireAdmin(ctx);
  ctx.body = { chats: await ctx.state.services.messages.chats(queryInt(ctx.query.limit as string | undefined, 'limit', 100, 500)) };
});
