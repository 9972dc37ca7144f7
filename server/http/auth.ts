import { API_TOKEN_PREFIX, type Scope } from '../../protocol/index.ts';
import { originAllowed } from '../domain/index.ts';
import { AppError, forbidden, unauthorized } from '../errors.ts';
import { assertCookieWriteAllowed } from './origin.ts';
import { mw, type Ctx } from './state.ts';

export { SESSION_COOKIE } from '../services/auth.ts';
import { SESSION_COOKIE } from '../services/auth.ts';

/**
 * Resolves who is calling: a Bearer visitor token (widget), or a session cookie (console), which is
 * honoured only on same-origin requests so another site can never ride on it.
 */
export const authenticate = mw(async (ctx, next) => {
  const { services } = ctx.state;
  ctx.state.actor = null;
  ctx.state.sessionId = null;
  const header = ctx.get('authorization');
  if (header) {
    const m = /^Bearer (.+)$/.exec(header);
    // API tokens carry a prefix no visitor token has, so each is looked up only where it can live.
    if (m && m[1]!.startsWith(API_TOKEN_PREFIX)) {
      ctx.state.actor = await services.apiTokens.resolve(m[1]!);
      if (!ctx.state.actor) throw unauthorized('API token is not valid (revoked or mistyped)');
      return next();
    }
    const actor = m ? await services.visitors.resolve(m[1]) : null;
    if (!actor) throw unauthorized('visitor token is not valid; request a new one from /api/visitor');
    const site = await services.sites.get(actor.siteId);
    if (ctx.state.origin && !originAllowed(ctx.state.origin, site?.origins ?? [])) throw forbidden('this origin is not allowed for the site');
    ctx.state.actor = actor;
  } else {
    const cookie = ctx.cookies.get(SESSION_COOKIE);
    if (cookie && ctx.state.sameOrigin) {
      const session = await services.auth.resolve(cookie);
      if (session) {
        assertCookieWriteAllowed(ctx.method, ctx.state.sameOrigin, ctx.state.origin);
        ctx.state.actor = session.actor;
        ctx.state.sessionId = session.sessionId;
      }
    }
  }
  await next();
});

export function requireActor(ctx: Ctx) {
  if (!ctx.state.actor) throw unauthorized();
  return ctx.state.actor;
}

export function requireStaff(ctx: Ctx) {
  const actor = requireActor(ctx);
  if (actor.kind !== 'staff') throw forbidden('staff only');
  return actor;
}

export function requireAdmin(ctx: Ctx) {
  const actor = requireStaff(ctx);
  if (actor.role !== 'admin') throw new AppError('forbidden', 'admins only');
  return actor;
}

/** Admins, or an API token holding `scope` (the scopes middleware already checked it). */
export function requireAdminOrScope(ctx: Ctx, scope: Scope) {
  const actor = requireActor(ctx);
  if (actor.kind === 'integration' && actor.scopes.includes(scope)) return actor;
  return requireAdmin(ctx);
}
