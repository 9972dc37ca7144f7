import { randomUUID } from 'node:crypto';
import { childLogger } from '../log.ts';
import { mw } from './state.ts';

/** An id the caller (or a proxy) chose is kept when it is short and plain; anything else is replaced. */
const GIVEN_ID = /^[\w.:-]{1,64}$/;

/**
 * Gives every request an id (echoed as `X-Request-Id`) and a child logger carrying it on
 * `ctx.state.log`, and logs one line when the request ends.
 */
export const requestLog = mw(async (ctx, next) => {
  const given = ctx.get('x-request-id');
  const reqId = GIVEN_ID.test(given) ? given : randomUUID();
  ctx.set('X-Request-Id', reqId);
  const log = childLogger(ctx.state.services.config.logLevel, { reqId });
  ctx.state.log = log;
  const started = performance.now();
  try {
    await next();
  } finally {
    const fields = { method: ctx.method, path: ctx.path, status: ctx.status, ms: Math.round((performance.now() - started) * 10) / 10 };
    if (ctx.status >= 500) log.error(fields, 'request failed');
    else log.info(fields, 'request');
  }
});
