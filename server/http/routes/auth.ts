import Router from '@koa/router';
import { LIMITS } from '../../../protocol/index.ts';
import { forbidden } from '../../errors.ts';
import { asBody, requiredText } from '../../input.ts';
import { userToWire } from '../../services/serialize.ts';
import { User } from '../../entities/index.ts';
import { requireStaff, SESSION_COOKIE } from '../auth.ts';
import type { Ctx } from '../state.ts';

export const authRoutes = new Router({ prefix: '/api/auth' });

authRoutes.post('/login', async (ctx: Ctx) => {
  const { services } = ctx.state;
  if (ctx.state.origin && !ctx.state.sameOrigin) throw forbidden('sign in from the console');
  const body = asBody(ctx.state.body);
  const email = requiredText(body, 'email', LIMITS.email);
  const password = requiredText(body, 'password', LIMITS.password.max, { trim: false });
  const { token, user } = await services.auth.login(email, password, ctx.ip);
  ctx.cookies.set(SESSION_COOKIE, token, {
    httpOnly: true, sameSite: 'lax', secure: services.config.secureCookies, path: '/',
    maxAge: services.config.sessionTtlHours * 3600_000, overwrite: true,
  });
  ctx.body = { user: userToWire(user) };
});

authRoutes.post('/logout', async (ctx: Ctx) => {
  if (ctx.state.sessionId) await ctx.state.services.auth.logout(ctx.state.sessionId);
  ctx.cookies.set(SESSION_COOKIE, null, { path: '/' });
  ctx.status = 204;
});

authRoutes.get('/me', async (ctx: Ctx) => {
  const actor = requireStaff(ctx);
  const user = await ctx.state.services.db.em().findOneOrFail(User, { id: actor.id });
  ctx.body = { user: userToWire(user) };
});
