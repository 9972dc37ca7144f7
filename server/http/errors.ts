import type { ErrorBody } from '../../protocol/index.ts';
import { AppError } from '../errors.ts';
import { mw } from './state.ts';

/** The one exit for errors: `{error: {code, message}}` with the matching status; unexpected ones are logged, not shown. */
export const errors = mw(async (ctx, next) => {
  try {
    await next();
    if (ctx.status === 404 && ctx.body === undefined) throw new AppError('not_found', `no route for ${ctx.method} ${ctx.path}`);
  } catch (err) {
    const e = err as { status?: number; expose?: boolean; message?: string; code?: string };
    let body: ErrorBody;
    if (err instanceof AppError) {
      ctx.status = err.status;
      body = { error: { code: err.code, message: err.message } };
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
