import type { ErrorBody } from '../../protocol/index.ts';
import { AppError } from '../errors.ts';
import { mw } from './state.ts';

/** A limit's hint, in seconds, for `Retry-After` (set by the rate limiters). */
const retryAfterOf = (err: unknown): number | undefined => (err as { retryAfterSeconds?: number }).retryAfterSeconds;

/**
 * The one exit for errors: `{error: {code, message}}` with the matching status; unexpected ones are
 * logged, not shown. Unknown routes are 404; a known route asked with another method is 405 with
 * `Allow` (set by the router's allowedMethods), code `bad_request`.
 */
export const errors = mw(async (ctx, next) => {
  try {
    await next();
    if (ctx.body === undefined || ctx.body === null) {
      if (ctx.status === 404) throw new AppError('not_found', `no route for ${ctx.method} ${ctx.path}`);
      if (ctx.status === 405 || ctx.status === 501) {
        ctx.status = 405;
        const allow = ctx.response.get('Allow');
        ctx.body = { error: { code: 'bad_request', message: `${ctx.method} is not allowed on ${ctx.path}${allow ? ` (allowed: ${allow})` : ''}` } } satisfies ErrorBody;
      }
    }
  } catch (err) {
    const e = err as { status?: number; expose?: boolean; message?: string; code?: string };
    let body: ErrorBody;
    if (err instanceof AppError) {
      ctx.status = err.status;
      body = { error: { code: err.code, message: err.message } };
      const retryAfter = retryAfterOf(err);
      if (retryAfter !== undefined) ctx.set('Retry-After', String(retryAfter));
    } else if (e.status && e.status < 500 && e.expose) {
      ctx.status = e.status;
      body = { error: { code: e.status === 413 ? 'too_large' : 'bad_request', message: e.message ?? 'bad request' } };
    } else {
      ctx.status = 500;
      body = { error: { code: 'internal', message: 'something went wrong on our side' } };
      ctx.app.emit('error', err, ctx);
    }
    ctx.body = body;
  }
});
