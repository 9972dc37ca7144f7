import Router from '@koa/router';
import { MEMBER_STATUSES } from '../../../protocol/index.ts';
import { asBody, oneOf } from '../../input.ts';
import { userToWire } from '../../services/serialize.ts';
import { User } from '../../entities/index.ts';
import { requireActor, requireStaff } from '../auth.ts';
import type { Ctx } from '../state.ts';

/** A member's own status, and a waiting ticket's place in the routing queue. Mounted before the users router, so `me` is not an id. */
export const availabilityRoutes = new Router();

availabilityRoutes.patch('/api/users/me', async (ctx: Ctx) => {
  const actor = requireStaff(ctx);
  const { services } = ctx.state;
  const status = oneOf(asBody(ctx.state.body), 'status', MEMBER_STATUSES)!;
  await services.availability.set(actor.id, status);
  ctx.body = userToWire((await services.db.em().findOne(User, { id: actor.id }))!);
});

availabilityRoutes.get('/api/tickets/:id/queue', async (ctx: Ctx) => {
  const actor = requireActor(ctx);
  const { services } = ctx.state;
  const ticket = await services.tickets.load(actor, ctx.params.id!);
  ctx.body = { ticketId: ticket.id, position: await services.routing.position(ticket.id) };
});
