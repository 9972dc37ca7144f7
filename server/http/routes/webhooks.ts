import Router from '@koa/router';
import { isIP } from 'node:net';
import { INTEGRATION_LIMITS, WEBHOOK_EVENTS, type WebhookEventType } from '../../../protocol/index.ts';
import { badRequest } from '../../errors.ts';
import { asBody, bool, requiredText, stringList, text, type Body } from '../../input.ts';
import { isPrivateAddress } from '../../services/webhook-sender.ts';
import { requireAdmin } from '../auth.ts';
import type { Ctx } from '../state.ts';

/** Admin: webhook endpoints, their delivery log, redelivery and secret rotation. */
export const webhookRoutes = new Router({ prefix: '/api/webhooks' });

function url(body: Body, optional: boolean, allowPrivate: boolean): string | undefined {
  const value = text(body, 'url', INTEGRATION_LIMITS.url, { optional });
  if (value === undefined) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    throw badRequest('url is not a valid URL');
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') throw badRequest('url must be http or https');
  if (parsed.username || parsed.password) throw badRequest('url must not carry credentials; verify deliveries by their signature');
  const host = parsed.hostname.replace(/^\[|\]$/g, '');
  // Names are checked again at every connection; literal addresses can be refused now.
  if (!allowPrivate && isIP(host) && isPrivateAddress(host)) throw badRequest('url points at a private, loopback or link-local address');
  return parsed.toString();
}

function events(body: Body, optional: boolean): WebhookEventType[] | undefined {
  const list = stringList(body, 'events', WEBHOOK_EVENTS.length, 32, optional);
  if (list === undefined) return undefined;
  const unknown = list.find((e) => !WEBHOOK_EVENTS.includes(e as WebhookEventType));
  if (unknown) throw badRequest(`unknown event "${unknown.slice(0, 32)}"; events are: ${WEBHOOK_EVENTS.join(', ')}`);
  if (!list.length) throw badRequest('events must name at least one event');
  return list as WebhookEventType[];
}

const secret = (body: Body) =>
  text(body, 'secret', INTEGRATION_LIMITS.secret.max, { optional: true, min: INTEGRATION_LIMITS.secret.min, trim: false });

webhookRoutes.get('/', async (ctx: Ctx) => {
  requireAdmin(ctx);
  ctx.body = { webhooks: await ctx.state.services.webhooks.list() };
});

webhookRoutes.post('/', async (ctx: Ctx) => {
  requireAdmin(ctx);
  const body = asBody(ctx.state.body);
  const allowPrivate = ctx.state.services.config.webhooks.allowPrivate;
  ctx.status = 201;
  ctx.body = await ctx.state.services.webhooks.create({
    url: url(body, false, allowPrivate)!, events: events(body, false)!, secret: secret(body), active: bool(body, 'active'),
  });
});

webhookRoutes.get('/:id', async (ctx: Ctx) => {
  requireAdmin(ctx);
  ctx.body = await ctx.state.services.webhooks.get(ctx.params.id!);
});

webhookRoutes.patch('/:id', async (ctx: Ctx) => {
  requireAdmin(ctx);
  const body = asBody(ctx.state.body);
  const allowPrivate = ctx.state.services.config.webhooks.allowPrivate;
  ctx.body = await ctx.state.services.webhooks.update(ctx.params.id!, {
    url: url(body, true, allowPrivate), events: events(body, true), active: bool(body, 'active'),
  });
});

webhookRoutes.delete('/:id', async (ctx: Ctx) => {
  requireAdmin(ctx);
  await ctx.state.services.webhooks.remove(ctx.params.id!);
  ctx.status = 204;
});

webhookRoutes.post('/:id/rotate-secret', async (ctx: Ctx) => {
  requireAdmin(ctx);
  ctx.body = await ctx.state.services.webhooks.rotateSecret(ctx.params.id!, secret(asBody(ctx.state.body)));
});

webhookRoutes.get('/:id/deliveries', async (ctx: Ctx) => {
  requireAdmin(ctx);
  ctx.body = { deliveries: await ctx.state.services.webhooks.deliveries(ctx.params.id!) };
});

webhookRoutes.post('/:id/deliveries/:deliveryId/redeliver', async (ctx: Ctx) => {
  requireAdmin(ctx);
  ctx.body = await ctx.state.services.webhooks.redeliver(ctx.params.id!, ctx.params.deliveryId!);
});
