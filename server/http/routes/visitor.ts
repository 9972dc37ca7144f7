import Router from '@koa/router';
import type { Identity } from '../../../protocol/index.ts';
import { LIMITS } from '../../../protocol/index.ts';
import { badRequest, unauthorized } from '../../errors.ts';
import { asBody, requiredText, text, type Body } from '../../input.ts';
import { customerToWire, publicSite } from '../../services/serialize.ts';
import { requireActor } from '../auth.ts';
import { attributesOf, userAgentOf, visitorContextOf } from '../customer-input.ts';
import type { Ctx } from '../state.ts';

export const visitorRoutes = new Router({ prefix: '/api' });

function identityOf(body: Body): Identity | undefined {
  if (body.identity === undefined || body.identity === null) return undefined;
  const raw = asBody(body.identity);
  const identity: Identity = { id: requiredText(raw, 'id', 128), hash: requiredText(raw, 'hash', 128) };
  const email = text(raw, 'email', LIMITS.email, { optional: true });
  const name = text(raw, 'name', LIMITS.name, { optional: true });
  if (email) identity.email = email;
  if (name) identity.name = name;
  if (raw.expiresAt !== undefined) {
    if (!Number.isSafeInteger(raw.expiresAt)) throw badRequest('identity.expiresAt must be unix seconds');
    identity.expiresAt = raw.expiresAt as number;
  }
  return identity;
}

/** A widget session for a site key: anonymous, resumed from a token, or identified by the site owner. */
visitorRoutes.post('/visitor', async (ctx: Ctx) => {
  const body = asBody(ctx.state.body);
  const siteKey = requiredText(body, 'siteKey', 64);
  const visitorToken = text(body, 'visitorToken', 128, { optional: true });
  const identity = identityOf(body);
  const visit = { context: visitorContextOf(body), attributes: identity ? attributesOf(body.identity) : undefined, userAgent: userAgentOf(ctx.get('user-agent')) };
  const result = await ctx.state.services.visitors.session({ siteKey, visitorToken, identity }, ctx.state.origin, ctx.ip);
  await ctx.state.services.customers.seen(result.customer.id, visit);
  ctx.body = { visitorToken: result.token, customer: customerToWire(result.customer), site: publicSite(result.site) };
});

/** The widget's reset (the site's log-out): this visitor token ends, and its sockets close with 4001. */
visitorRoutes.post('/visitor/reset', async (ctx: Ctx) => {
  const actor = requireActor(ctx);
  if (actor.kind !== 'customer') throw unauthorized('visitor token required');
  await ctx.state.services.visitors.retire(/^Bearer (.+)$/.exec(ctx.get('authorization'))![1]!);
  ctx.status = 204;
});

visitorRoutes.get('/site', async (ctx: Ctx) => {
  const actor = requireActor(ctx);
  if (actor.kind !== 'customer') throw unauthorized('visitor token required');
  const site = await ctx.state.services.sites.get(actor.siteId);
  ctx.body = publicSite(site!);
});
