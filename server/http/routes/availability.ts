import Router from '@koa/router';
import { MemberStatusBody } from '../../../protocol/schemas/index.ts';
import { input } from '../../input.ts';
import { userToWire } from '../../services/serialize.ts';
import { requireActor, requireStaff } from '../auth.ts';
import type { Ctx } from '../state.ts';

/** A member's own status, the staff directory, and a waiting ticket's place in the routing queue. Mounted before the users router, so `me` is not an id. */
export const availabilityRoutes = new Router();

availabilityRoutes.patch('/api/users/me', async (ctx: Ctx) => {
  const actor = requireStaff(ctx);
  const { services } = ctx.state;
  const { status, mailNewTickets, mailCustomerReplies } = input(MemberStatusBody, ctx.state.body);
  if (status) await services.availability.set(actor.id, status);
  if (mailNewTickets !== undefined) await services.users.setMailNewTickets(actor.id, mailNewTickets);
  if (mailCustomerReplies !== undefined) await services.users.setMailCustomerReplies(actor.id, mailCustomerReplies);
  ctx.body = userToWire(await services.users.get(actor.id));
});

/** Every active staff member's name, status and load (no emails): whom a ticket can be transferred to. */
availabilityRoutes.get('/api/members', async (ctx: Ctx) => {
  requireStaff(ctx);
  ctx.body = { members: await ctx.state.services.users.loads() };
});

availabilityRoutes.get('/api/tickets/:id/queue', async (ctx: Ctx) => {
  const actor = requireActor(ctx);
  const { services } = ctx.state;
  const ticket = await services.tickets.load(actor, ctx.params.id!);
  ctx.body = { ticketId: ticket.id, position: await services.routing.position(ticket.id) };
});
