import { mw } from './state.ts';

/** Headers every response carries. Static files replace Cache-Control with their own; API answers are never stored. */
export const SECURITY_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
} as const;

export const headers = mw(async (ctx, next) => {
  ctx.set(SECURITY_HEADERS);
  // Every JSON answer may carry a session's data (tickets, tokens, users): no cache may keep it.
  ctx.set('Cache-Control', 'no-store');
  await next();
});
