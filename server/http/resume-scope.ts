import { forbidden, notFound } from '../errors.ts';
import { mw } from './state.ts';

const TICKET_PATH = /^\/api\/tickets\/([^/]+)(?:\/|$)/;

/**
 * A resume link's visitor token reaches its one ticket and nothing else, deny by default: the
 * site, the ticket list (which the ticket service narrows to that ticket), that ticket and what is
 * under it, and the visitor session calls (which refuse to identify with it) and reset. Every other route answers 403, another ticket 404.
 */
export const resumeScope = mw(async (ctx, next) => {
  const actor = ctx.state.actor;
  if (actor?.kind !== 'customer' || !actor.onlyTicket) return next();
  const ticket = TICKET_PATH.exec(ctx.path)?.[1];
  if (ticket !== undefined) {
    if (decodeURIComponent(ticket) !== actor.onlyTicket) throw notFound('ticket');
    return next();
  }
  const allowed = (ctx.method === 'GET' && (ctx.path === '/api/site' || ctx.path === '/api/tickets')) || (ctx.method === 'POST' && (ctx.path === '/api/visitor' || ctx.path === '/api/visitor/reset'));
  if (!allowed) throw forbidden('a resume link opens one ticket only');
  return next();
});
