import type { EnvReader } from '../config-reader.ts';

/** Webhook delivery settings (README, "Webhooks"); tests shorten the clocks. */
export interface WebhookConfig {
  /** Allow targets on loopback, private and link-local addresses (PARLEY_WEBHOOK_ALLOW_PRIVATE=1). */
  allowPrivate: boolean;
  /** How often a worker looks for due deliveries, besides being woken by local events. */
  pollMs: number;
  /** The first retry waits this long; each next one twice as long. */
  backoffMs: number;
  /** Retries stop this long after the event (or a redelivery); the endpoint is then marked failing. */
  retryForMs: number;
  /** One attempt's limit, connect to last byte. */
  timeoutMs: number;
  /** Deliveries one worker sends at once. */
  concurrency: number;
}

export function loadWebhookConfig(r: EnvReader): WebhookConfig {
  return {
    allowPrivate: r.flag('PARLEY_WEBHOOK_ALLOW_PRIVATE'),
    pollMs: r.int('PARLEY_WEBHOOK_POLL_MS', 1000, { min: 10, max: 3_600_000 }),
    backoffMs: r.int('PARLEY_WEBHOOK_BACKOFF_MS', 1000, { min: 1, max: 3_600_000 }),
    retryForMs: r.number('PARLEY_WEBHOOK_RETRY_HOURS', 24, { min: 0.0001, max: 24 * 30 }) * 3600_000,
    timeoutMs: r.int('PARLEY_WEBHOOK_TIMEOUT_MS', 10_000, { min: 100, max: 120_000 }),
    concurrency: r.int('PARLEY_WEBHOOK_CONCURRENCY', 16, { min: 1, max: 256 }),
  };
}
