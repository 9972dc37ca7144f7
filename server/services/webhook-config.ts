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

export function loadWebhookConfig(env: NodeJS.ProcessEnv = process.env): WebhookConfig {
  const num = (name: string, fallback: number) => {
    const v = env[name];
    if (v === undefined || v === '') return fallback;
    const n = Number(v);
    if (!Number.isFinite(n) || n <= 0) throw new Error(`${name} must be a positive number, got "${v}"`);
    return n;
  };
  return {
    allowPrivate: env.PARLEY_WEBHOOK_ALLOW_PRIVATE === '1',
    pollMs: num('PARLEY_WEBHOOK_POLL_MS', 1000),
    backoffMs: num('PARLEY_WEBHOOK_BACKOFF_MS', 1000),
    retryForMs: num('PARLEY_WEBHOOK_RETRY_HOURS', 24) * 3600_000,
    timeoutMs: num('PARLEY_WEBHOOK_TIMEOUT_MS', 10_000),
    concurrency: Math.floor(num('PARLEY_WEBHOOK_CONCURRENCY', 16)),
  };
}
