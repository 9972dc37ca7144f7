// HTTP calls of the integration admin pages (API tokens, webhooks, the mail outbox), through the shared protocol client.
import { httpRequest } from '../protocol/index.ts';
import type {
  ApiToken, NewApiToken, OutboxList, Scope, WebhookDelivery, WebhookEndpoint, WebhookEndpointWithSecret, WebhookEventType,
} from '../protocol/index.ts';

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';
const request = <T>(method: Method, path: string, body?: unknown): Promise<T> =>
  httpRequest<T>(path, { method, body, credentials: 'same-origin' });
const id = encodeURIComponent;

export const integrationsApi = {
  tokens: async () => (await request<{ tokens: ApiToken[] }>('GET', '/api/tokens')).tokens,
  createToken: (input: { name: string; scopes: Scope[] }) => request<NewApiToken>('POST', '/api/tokens', input),
  revokeToken: (tokenId: string) => request<void>('DELETE', `/api/tokens/${id(tokenId)}`),
  webhooks: async () => (await request<{ webhooks: WebhookEndpoint[] }>('GET', '/api/webhooks')).webhooks,
  createWebhook: (input: { url: string; events: WebhookEventType[] }) => request<WebhookEndpointWithSecret>('POST', '/api/webhooks', input),
  updateWebhook: (hookId: string, patch: { url?: string; events?: WebhookEventType[]; active?: boolean }) =>
    request<WebhookEndpoint>('PATCH', `/api/webhooks/${id(hookId)}`, patch),
  deleteWebhook: (hookId: string) => request<void>('DELETE', `/api/webhooks/${id(hookId)}`),
  rotateWebhookSecret: (hookId: string) => request<WebhookEndpointWithSecret>('POST', `/api/webhooks/${id(hookId)}/rotate-secret`, {}),
  deliveries: async (hookId: string) => (await request<{ deliveries: WebhookDelivery[] }>('GET', `/api/webhooks/${id(hookId)}/deliveries`)).deliveries,
  redeliver: (hookId: string, deliveryId: string) =>
    request<WebhookDelivery>('POST', `/api/webhooks/${id(hookId)}/deliveries/${id(deliveryId)}/redeliver`, {}),
  outbox: () => request<OutboxList>('GET', '/api/mail'),
};
