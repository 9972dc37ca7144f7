import { LIMITS } from '../../protocol/index.ts';
import { AppError, badRequest } from '../errors.ts';
import { mw } from './state.ts';

const WRITE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Reads JSON bodies of writes (at most 64 KiB). Writes must say `application/json`: besides clarity,
 * it means a cross-site HTML form can never post to us.
 */
export const jsonBody = mw(async (ctx, next) => {
  if (!WRITE.has(ctx.method)) return next();
  const length = Number(ctx.get('content-length') || 0);
  if (length > LIMITS.maxBodyBytes) throw new AppError('too_large', `body is larger than ${LIMITS.maxBodyBytes} bytes`);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of ctx.req) {
    size += (chunk as Buffer).length;
    if (size > LIMITS.maxBodyBytes) throw new AppError('too_large', `body is larger than ${LIMITS.maxBodyBytes} bytes`);
    chunks.push(chunk as Buffer);
  }
  if (size === 0) {
    ctx.state.body = {};
    return next();
  }
  if (!ctx.is('application/json')) throw badRequest('send the body as application/json');
  try {
    ctx.state.body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw badRequest('body is not valid JSON');
  }
  await next();
});
