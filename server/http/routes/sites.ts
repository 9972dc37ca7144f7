import Router from '@koa/router';
import { NewSite, SitePatch } from '../../../protocol/schemas/index.ts';
import { normalizeOrigin } from '../../domain/index.ts';
import { badRequest } from '../../errors.ts';
import { input } from '../../input.ts';
import { siteToWire } from '../../services/serialize.ts';
import { requireAdmin } from '../auth.ts';
import type { Ctx } from '../state.ts';

export const siteRoutes = new Router({ prefix: '/api/sites' });

function origins(list: string[]): string[] {
  return list.map((o) => {
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
  const body = input(NewSite, ctx.state.body);
  const site = await ctx.state.services.sites.create({ ...body, origins: origins(body.origins) });
  ctx.status = 201;
  ctx.body = siteToWire(site, publicUrl(ctx));
});

siteRoutes.patch('/:id', async (ctx: Ctx) => {
  requireAdmin(ctx);
  const body = input(SitePatch, ctx.state.body);
  const site = await ctx.state.services.sites.update(ctx.params.id!, { ...body, origins: body.origins && origins(body.origins) });
  ctx.body = siteToWire(site, publicUrl(ctx));
});

siteRoutes.post('/:id/rotate-secret', async (ctx: Ctx) => {
  requireAdmin(ctx);
  ctx.body = siteToWire(await ctx.state.services.sites.rotateSecret(ctx.params.id!), publicUrl(ctx));
});
