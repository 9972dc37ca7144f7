import type { EnvReader } from '../config-reader.ts';

/** Mail settings (README, "Email"); tests shorten the clocks. */
export interface MailConfig {
  /** `smtp://` or `smtps://` URL of the relay; null writes each mail as an .eml file under `<dataDir>/mail/`. */
  smtpUrl: string | null;
  /** The From header: `support@shop.example` or `Shop support <support@shop.example>`. */
  from: string;
  /** How often a worker looks for due mail, besides being woken by mail queued on its instance. */
  pollMs: number;
  /** The first retry waits this long; each next one twice as long. */
  backoffMs: number;
  /** Retries stop this long after the mail was queued; it is then `failed`. */
  retryForMs: number;
  /** One SMTP attempt's socket and greeting timeouts; a claim's lease is twice this plus a second. */
  timeoutMs: number;
  /** Mails one worker sends at once. */
  concurrency: number;
  /** A staff reply unread this long, with no socket of the customer open, is mailed to them. */
  emailAfterMs: number;
}

const FROM = /^(?:[^<>\r\n]*<[^\s<>@]+@[^\s<>@]+>|[^\s<>@]+@[^\s<>@]+)$/;

export function loadMailConfig(r: EnvReader): MailConfig {
  return {
    smtpUrl: r.url('PARLEY_SMTP_URL', ['smtp:', 'smtps:']),
    from: r.match('PARLEY_MAIL_FROM', FROM, 'an email address, or a name and <address>') ?? 'Parley <parley@localhost>',
    pollMs: r.int('PARLEY_MAIL_POLL_MS', 1000, { min: 10, max: 3_600_000 }),
    backoffMs: r.int('PARLEY_MAIL_BACKOFF_MS', 5000, { min: 1, max: 3_600_000 }),
    retryForMs: r.number('PARLEY_MAIL_RETRY_HOURS', 24, { min: 0.0001, max: 24 * 30 }) * 3600_000,
    timeoutMs: r.int('PARLEY_MAIL_TIMEOUT_MS', 30_000, { min: 100, max: 600_000 }),
    concurrency: 4,
    emailAfterMs: r.number('PARLEY_EMAIL_AFTER_MINUTES', 5, { min: 0.001, max: 7 * 24 * 60 }) * 60_000,
  };
}
