import Router from '@koa/router';
import { LIMITS, ROUTING_MODES } from '../../../protocol/index.ts';
import { normalizeOrigin } from '../../domain/index.ts';
import { badRequest } from '../../errors.ts';
import { asBody, bool, oneOf, requiredText, stringList, text, type Body } from '../../input.ts';
import { siteToWire } from '../../services/serialize.ts';
import { requireAdmin } from '../auth.ts';
import type { Ctx } from '../state.ts';

export const siteRoutes = new Router({ prefix: '/api/sites' });

function origins(body: Body, optional: boolean): string[] | undefined {
  const list = stringList(body, 'origins', 50, 200, optional);
  return list?.map((o) => {
    const n = normalizeOrigin(o);
    if (!n) throw badRequest(`"${o.slice(0, 80)}" is not an origin (scheme://host[:port])`);
    return n;
  });
}

const publicUrl = (ctx: Ctx) => ctx.state.services.config.publicUrl ?? ctx.origin;

siteRoutes.get('/', async (ctx: Ctx) => {
  requireAdmin(ctx);
  ctx.body = { sites: (await ctx.state.services.sites.list()).map((s) => siteToWire(s, publicUrl(ctx))) };
});

siteRoutes.post('/', async (ctx: Ctx) => {
  requireAdmin(ctx);
  const body = asBody(ctx.state.body);
  const site = await ctx.state.services.sites.create({
    name: requiredText(body, 'name', LIMITS.name),
    origins: origins(body, false)!,
    categories: stringList(body, 'categories', 30, LIMITS.category, true),
    requireIdentity: bool(body, 'requireIdentity'),
    routing: oneOf(body, 'routing', ROUTING_MODES, true),
  });
  ctx.status = 201;
  ctx.body = siteToWire(site, publicUrl(ctx));
});

siteRoutes.patch('/:id', async (ctx: Ctx) => {
  requireAdmin(ctx);
  const body = asBody(ctx.state.body);
  const site = await ctx.state.services.sites.update(ctx.params.id!, {
    name: text(body, 'name', LIMITS.name, { optional: true }),
    origins: origins(body, true),
    categories: stringList(body, 'categories', 30, LIMITS.category, true),
    requireIdentity: bool(body, 'requireIdentity'),
    routing: oneOf(body, 'routing', ROUTING_MODES, true),
  });
  ctx.body = siteToWire(site, publicUrl(ctx));
});

siteRoutes.post('/:id/rotate-secret', async (ctx: Ctx) => {
  requireAdmin(ctx);
  ctx.body = siteToWire(await ctx.state.services.sites.rotateSecret(ctx.params.id!), publicUrl(ctx));
});
