import type { AskEmail } from '../../../protocol/index.ts';
import { checkAskEmail } from '../../mail/ticket-mail.ts';
import Router from '@koa/router';
import { AssignBody, ChatsQuery, MessagesQuery, NewTicket, ReadBody, RejectBody, SendMessageBody, TicketListQuery } from '../../../protocol/schemas/index.ts';
import { AppError, badRequest } from '../../errors.ts';
import { input } from '../../input.ts';
import { RateLimited } from '../../services/rate-limit.ts';
import { receives } from '../../domain/index.ts';
import { requireActor, requireAdmin } from '../auth.ts';
import type { Ctx } from '../state.ts';

export const ticketRoutes = new Router({ prefix: '/api' });

ticketRoutes.post('/tickets', async (ctx: Ctx) => {
  const actor = requireActor(ctx);
  const { services } = ctx.state;
  if (actor.kind !== 'customer') throw new AppError('forbidden', 'only customers open tickets');
  const ticketInput = input(NewTicket, ctx.state.body);
  const site = await services.sites.get(actor.siteId);
  if (site && !site.categories.includes(ticketInput.category)) throw badRequest(`category must be one of: ${site.categories.join(', ')}`);
  if (site?.askEmail === 'off') delete ticketInput.email;
  if (site) checkAskEmail(site.askEmail as AskEmail, ticketInput.email, (await services.customers.emailOf(actor.id)));
  await services.limits.ticketCreated(actor.id, ctx.ip);
  const { ticket, created } = await services.tickets.create(actor, ticketInput, site?.requireIdentity ?? false);
  if (created) await services.customers.recordTicketPage(ticket.id, actor.id);
  ctx.status = created ? 201 : 200;
  ctx.body = ticket;
});

ticketRoutes.get('/tickets', async (ctx: Ctx) => {
  const actor = requireActor(ctx);
  const q = input(TicketListQuery, ctx.query, 'query');
  ctx.body = { tickets: await ctx.state.services.tickets.list(actor, { status: q.status, mine: q.mine ?? false, label: q.label, limit: q.limit }) };
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
    const reason = action === 'reject' ? input(RejectBody, ctx.state.body).reason : undefined;
    ctx.body = await ctx.state.services.tickets.transition(actor, ctx.params.id!, action, reason);
  });
}

/** Transfer (`{userId}`) or release (`{userId: null}`) an assigned ticket. */
ticketRoutes.post('/tickets/:id/assign', async (ctx: Ctx) => {
  const actor = requireActor(ctx);
  const { userId } = input(AssignBody, ctx.state.body);
  ctx.body = await ctx.state.services.assignment.assign(actor, ctx.params.id!, userId);
});

/** History: `?after=<seq>` pages forward (oldest first); `?before=<seq>` pages back from the newest. */
ticketRoutes.get('/tickets/:id/messages', async (ctx: Ctx) => {
  const actor = requireActor(ctx);
  const { services } = ctx.state;
  const q = input(MessagesQuery, ctx.query, 'query');
  const ticket = await services.tickets.load(actor, ctx.params.id!);
  // Staff (and API tokens) read the notes in their place in the timeline; a customer's page has none.
  const notes = receives(actor, { type: 'note' });
  ctx.body = q.before !== undefined
    ? await services.messages.before(ticket.id, q.before, q.limit, notes)
    : await services.messages.after(ticket.id, q.after ?? 0, q.limit, notes);
});

ticketRoutes.post('/tickets/:id/messages', async (ctx: Ctx) => {
  const actor = requireActor(ctx);
  const { clientId, body, internal, attachments } = input(SendMessageBody, ctx.state.body);
  // The same per-user allowance as the socket path, so HTTP is no way around it.
  const wait = ctx.state.services.messageAllowance.take(actor.id);
  if (wait) {
    ctx.state.services.metrics.limited.inc({ limit: 'messages' });
    throw new RateLimited('too many messages; slow down and resend', wait);
  }
  const { message, duplicate } = await ctx.state.services.messages.send(actor, ctx.params.id!, clientId, body, internal === true, attachments);
  if (!duplicate) ctx.state.services.metrics.messages.inc();
  ctx.status = duplicate ? 200 : 201;
  ctx.body = message;
});

ticketRoutes.post('/tickets/:id/read', async (ctx: Ctx) => {
  const actor = requireActor(ctx);
  const { seq } = input(ReadBody, ctx.state.body);
  ctx.body = { seq: await ctx.state.services.messages.markRead(actor, ctx.params.id!, seq) };
});

/** The conversations inbox (admin): newest activity first, `?cursor=` pages on (README, "API"). */
ticketRoutes.get('/chats', async (ctx: Ctx) => {
  const actor = requireAdmin(ctx);
  ctx.body = await ctx.state.services.inbox.page(actor, input(ChatsQuery, ctx.query, 'query'));
});
