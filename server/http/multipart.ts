import busboy from 'busboy';
import { AppError, badRequest } from '../errors.ts';
import type { Ctx } from './state.ts';

/** Room for the multipart framing around the file (boundaries, part headers). */
const FRAMING_BYTES = 64 * 1024;

/** The file's stream, its failures (a cut body, a client gone) reported as the client's (400), not ours. */
async function* asClientError(stream: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  try {
    yield* stream;
  } catch (err) {
    throw err instanceof AppError ? err : badRequest(`the upload did not arrive whole: ${(err as Error).message}`);
  }
}

/** Browsers send a file name in UTF-8 with `"`, CR and LF as %22, %0D, %0A (the HTML form-data rule). */
const browserName = (name: string | undefined) => name?.replace(/%(22|0D|0A)/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));

export const isUpload = (ctx: Ctx): boolean => ctx.method === 'POST' && ctx.is('multipart/form-data') === 'multipart/form-data';

/**
 * Streams the multipart field `file` of the request into `handle` (busboy: a streaming parser, so
 * the file is never held whole). A client that goes away mid-upload makes `handle`'s stream fail,
 * so whatever it stored is undone; a refusal by `handle` stops reading the rest.
 */
export function withUploadedFile<T>(ctx: Ctx, maxBytes: number, handle: (name: string | undefined, data: AsyncIterable<Buffer>) => Promise<T>): Promise<T> {
  if (!isUpload(ctx)) return Promise.reject(badRequest('send the file as multipart/form-data, field "file"'));
  const declared = Number(ctx.get('content-length') || 0);
  if (declared > maxBytes + FRAMING_BYTES) return Promise.reject(new AppError('too_large', `the file is larger than ${Math.round(maxBytes / 1048576)} MB`));
  const req = ctx.req;
  return new Promise<T>((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      // One more byte than allowed gets through, so the size check sees "too large" rather than a silently cut file.
      parser = busboy({ headers: req.headers, defParamCharset: 'utf8', limits: { files: 1, fileSize: maxBytes + 1, fields: 8, parts: 9 } });
    } catch {
      reject(badRequest('send the file as multipart/form-data, field "file"'));
      return;
    }
    let handling: Promise<T> | null = null;
    let file: NodeJS.ReadableStream & { destroy(err?: Error): void } | null = null;
    const stop = () => {
      req.unpipe(parser);
      req.resume();
    };
    parser.on('file', (field, stream, info) => {
      if (field !== 'file' || handling) {
        stream.resume();
        return;
      }
      file = stream;
      handling = handle(browserName(info.filename), asClientError(stream));
      handling.then(resolve, (err) => {
        stop();
        reject(err);
      });
    });
    parser.on('close', () => {
      if (!handling) reject(badRequest('send the file as multipart/form-data, field "file"'));
    });
    parser.on('error', (err) => {
      const e = badRequest(`the multipart body is malformed: ${(err as Error).message}`);
      file?.destroy(e);
      if (!handling) reject(e);
    });
    req.on('close', () => {
      if (!req.complete) file?.destroy(new Error('the client went away mid-upload'));
    });
    req.pipe(parser);
  });
}
