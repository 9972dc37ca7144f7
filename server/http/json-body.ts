import { bodyParser } from '@koa/bodyparser';
import { LIMITS } from '../../protocol/index.ts';
import { AppError, badRequest } from '../errors.ts';
import { isUpload } from './multipart.ts';
import { mw } from './state.ts';

const WRITE = ['POST', 'PUT', 'PATCH', 'DELETE'];
const UPLOAD_PATH = /^\/api\/tickets\/[^/]+\/attachments\/?$/;

// @koa/bodyparser (co-body + raw-body): the limit counts bytes after any Content-Encoding is undone,
// so a small gzip bomb stops at 64 KiB like a large plain body.
const parse = bodyParser({
  enableTypes: ['json'],
  jsonLimit: LIMITS.maxBodyBytes,
  jsonStrict: true,
  parsedMethods: WRITE,
  onError(err) {
    const status = (err as { status?: number }).status;
    if (status === 413) throw new AppError('too_large', `body is larger than ${LIMITS.maxBodyBytes} bytes`);
    if (status === 415) throw badRequest('unsupported Content-Encoding');
    throw badRequest('body is not valid JSON');
  },
});

/**
 * Reads JSON bodies of writes into `ctx.state.body` (`{}` when empty). A write that carries a body or a
 * Content-Type must say `application/json`: besides clarity, a cross-site HTML form can never post to us.
 */
export const jsonBody = mw(async (ctx, next) => {
  if (!WRITE.includes(ctx.method)) return next();
  // Uploads stream through their route (multipart.ts), which has its own limit.
  if (isUpload(ctx) && UPLOAD_PATH.test(ctx.path)) return next();
  const hasBody = Number(ctx.get('content-length') || 0) > 0 || ctx.get('transfer-encoding') !== '';
  if ((hasBody || ctx.get('content-type')) && !ctx.is('application/json')) throw badRequest('send the body as application/json');
  if (Number(ctx.get('content-length') || 0) > LIMITS.maxBodyBytes) throw new AppError('too_large', `body is larger than ${LIMITS.maxBodyBytes} bytes`);
  await parse(ctx, async () => {
    ctx.state.body = ctx.request.body ?? {};
    await next();
  });
});
