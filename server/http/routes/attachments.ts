import { Readable } from 'node:stream';
import Router from '@koa/router';
import { downloadHeaders } from '../../attachments/rules.ts';
import { requireActor } from '../auth.ts';
import { withUploadedFile } from '../multipart.ts';
import type { Ctx } from '../state.ts';

export const attachmentRoutes = new Router({ prefix: '/api' });

/** `multipart/form-data`, field `file` → 201 the attachment (README, "Attachments"). */
attachmentRoutes.post('/tickets/:id/attachments', async (ctx: Ctx) => {
  const actor = requireActor(ctx);
  const { attachments } = ctx.state.services;
  await attachments.checkUpload(actor, ctx.params.id!);
  ctx.body = await withUploadedFile(ctx, attachments.maxBytes, (name, data) => attachments.upload(actor, ctx.params.id!, name, data));
  ctx.status = 201;
});

/** The capability URL: `?exp=&sig=` is the permission, so `<img src>` works without headers. */
attachmentRoutes.get('/attachments/:id', async (ctx: Ctx) => {
  const { row, size, body } = await ctx.state.services.attachments.download(ctx.params.id!, ctx.query.exp, ctx.query.sig);
  ctx.set(downloadHeaders(row.type, row.name, size));
  ctx.body = Readable.from(body);
  ctx.length = size;
});

/** The uploader deletes an upload not sent yet. */
attachmentRoutes.delete('/attachments/:id', async (ctx: Ctx) => {
  await ctx.state.services.attachments.delete(requireActor(ctx), ctx.params.id!);
  ctx.status = 204;
});
