import Router from '@koa/router';
import { isIP } from 'node:net';
import { NewWebhookBody, RotateWebhookSecretBody, WebhookPatch } from '../../../protocol/schemas/index.ts';
import { badRequest } from '../../errors.ts';
import { input } from '../../input.ts';
import { isPrivateAddress } from '../../services/webhook-sender.ts';
import { requireAdmin } from '../auth.ts';
import type { Ctx } from '../state.ts';

/** Admin: webhook endpoints, their delivery log, redelivery and secret rotation. */
export const webhookRoutes = new Router({ prefix: '/api/webhooks' });

/** Names are checked again at every connection; literal private addresses can be refused now. */
function allowedTarget(ctx: Ctx, url: string | undefined): string | undefined {
  if (url === undefined || ctx.state.services.config.webhooks.allowPrivate) return url;
  const host = new URL(url).hostname.replace(/^\[|\]$/g, '');
  if (isIP(host) && isPrivateAddress(host)) throw badRequest('url points at a private, loopback or link-local address');
  return url;
}

webhookRoutes.get('/', async (ctx: Ctx) => {
  requireAdmin(ctx);
  ctx.body = { webhooks: await ctx.state.services.webhooks.list() };
});

webhookRoutes.post('/', async (ctx: Ctx) => {
  requireAdmin(ctx);
  const body = input(NewWebhookBody, ctx.state.body);
  ctx.status = 201;
  ctx.body = await ctx.state.services.webhooks.create({ ...body, url: allowedTarget(ctx, body.url)! });
});

webhookRoutes.get('/:id', async (ctx: Ctx) => {
  requireAdmin(ctx);
  ctx.body = await ctx.state.services.webhooks.get(ctx.params.id!);
});

webhookRoutes.patch('/:id', async (ctx: Ctx) => {
  requireAdmin(ctx);
  const body = input(WebhookPatch, ctx.state.body);
  ctx.body = await ctx.state.services.webhooks.update(ctx.params.id!, { ...body, url: allowedTarget(ctx, body.url) });
});

webhookRoutes.delete('/:id', async (ctx: Ctx) => {
  requireAdmin(ctx);
  await ctx.state.services.webhooks.remove(ctx.params.id!);
  ctx.status = 204;
});

webhookRoutes.post('/:id/rotate-secret', async (ctx: Ctx) => {
  requireAdmin(ctx);
  ctx.body = await ctx.state.services.webhooks.rotateSecret(ctx.params.id!, input(RotateWebhookSecretBody, ctx.state.body).secret);
});

webhookRoutes.get('/:id/deliveries', async (ctx: Ctx) => {
  requireAdmin(ctx);
  ctx.body = { deliveries: await ctx.state.services.webhooks.deliveries(ctx.params.id!) };
});

webhookRoutes.post('/:id/deliveries/:deliveryId/redeliver', async (ctx: Ctx) => {
  requireAdmin(ctx);
  ctx.body = await ctx.state.services.webhooks.redeliver(ctx.params.id!, ctx.params.deliveryId!);
});
