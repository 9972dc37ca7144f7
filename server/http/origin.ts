import { isOwnOrigin } from '../domain/index.ts';
import { forbidden } from '../errors.ts';
import { mw } from './state.ts';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Marks same-origin requests and answers CORS for widget origins. Cross-origin callers get CORS only
 * when some site allows their origin, never with credentials: the widget authenticates by Bearer token.
 */
export const origin = mw(async (ctx, next) => {
  const { services } = ctx.state;
  const o = ctx.get('origin') || undefined;
  ctx.state.origin = o;
  const own = { host: ctx.get('host'), scheme: ctx.protocol, publicUrl: services.config.publicUrl, extra: services.config.consoleOrigins };
  ctx.state.sameOrigin = o === undefined ? ctx.get('sec-fetch-site') !== 'cross-site' : isOwnOrigin(o, own);
  if (o && !ctx.state.sameOrigin && (await services.sites.anyAllows(o))) {
    ctx.vary('Origin');
    ctx.set('Access-Control-Allow-Origin', o);
    ctx.set('Access-Control-Allow-Headers', 'authorization, content-type');
    // DELETE: a customer removes an upload no message carries yet (DELETE /api/attachments/:id).
    ctx.set('Access-Control-Allow-Methods', 'GET, POST, PATCH, DELETE');
    ctx.set('Access-Control-Max-Age', '600');
    if (ctx.method === 'OPTIONS') {
      ctx.status = 204;
      return;
    }
  }
  await next();
});

/** Cookie-authenticated writes must come from our own origin (CSRF), on top of SameSite=Lax. */
export function assertCookieWriteAllowed(method: string, sameOrigin: boolean, origin: string | undefined): void {
  if (SAFE.has(method)) return;
  if (!origin || !sameOrigin) throw forbidden('cross-origin writes with a session cookie are refused');
}
