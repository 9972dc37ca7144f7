import Router from '@koa/router';
import { LoginBody } from '../../../protocol/schemas/index.ts';
import { forbidden } from '../../errors.ts';
import { input } from '../../input.ts';
import { userToWire } from '../../services/serialize.ts';
import { requireStaff, SESSION_COOKIE } from '../auth.ts';
import { assertCookieWriteAllowed } from '../origin.ts';
import type { Ctx } from '../state.ts';

export const authRoutes = new Router({ prefix: '/api/auth' });

authRoutes.post('/login', async (ctx: Ctx) => {
  const { services } = ctx.state;
  if (ctx.state.origin && !ctx.state.sameOrigin) throw forbidden('sign in from the console');
  const { email, password } = input(LoginBody, ctx.state.body);
  const { token, user } = await services.auth.login(email, password, ctx.ip);
  ctx.cookies.set(SESSION_COOKIE, token, {
    httpOnly: true, sameSite: 'lax', secure: services.config.secureCookies, path: '/',
    maxAge: services.config.sessionTtlHours * 3600_000, overwrite: true,
  });
  ctx.body = { user: userToWire(user) };
});

/** Clearing the cookie is a cookie write too: only from our own origin (JSON-only is checked by jsonBody). */
authRoutes.post('/logout', async (ctx: Ctx) => {
  assertCookieWriteAllowed(ctx.method, ctx.state.sameOrigin, ctx.state.origin);
  if (ctx.state.sessionId) await ctx.state.services.auth.logout(ctx.state.sessionId);
  ctx.cookies.set(SESSION_COOKIE, null, { path: '/' });
  ctx.status = 204;
});

authRoutes.get('/me', async (ctx: Ctx) => {
  const actor = requireStaff(ctx);
  ctx.body = { user: userToWire(await ctx.state.services.users.get(actor.id)) };
});
