import { LIMITS } from '../protocol/index.ts';
import { EnvReader } from './config-reader.ts';
import { LOG_LEVELS, type LogLevel } from './log.ts';
import { loadMailConfig, type MailConfig } from './mail/config.ts';
import { loadWebhookConfig, type WebhookConfig } from './services/webhook-config.ts';

export { ConfigError } from './config-reader.ts';

/** Server configuration, read once from the environment (see README, "Configuration"). */
export interface Config {
  port: number;
  host: string;
  /** PostgreSQL URL; when absent the embedded PGlite database in `dataDir` is used. */
  databaseUrl: string | null;
  /** `nats://…`: instances talk over NATS instead of PostgreSQL's LISTEN/NOTIFY (needs `databaseUrl`). */
  busUrl: string | null;
  dataDir: string;
  adminEmail: string | null;
  adminPassword: string | null;
  /** Public base URL of this server, used in embed snippets and the Origin check of console writes. */
  publicUrl: string | null;
  /** Extra origins allowed to use the console with a session cookie (besides the server's own). */
  consoleOrigins: string[];
  /** Port for the example host page (another origin), or null to not serve it. */
  examplePort: number | null;
  sessionTtlHours: number;
  /** New anonymous widget visitors allowed per client address and minute. */
  newVisitorsPerMinute: number;
  /** Tickets one visitor, and one client address, may open per hour (then 429 `rate_limited`). */
  ticketsPerVisitorPerHour: number;
  ticketsPerAddressPerHour: number;
  /** The whole request (headers and body) must arrive within this; the headers within min(20 s, this). */
  requestTimeoutMs: number;
  /** Cookie `Secure` flag: on when the public URL is https. */
  secureCookies: boolean;
  /** Trust `X-Forwarded-*` headers from a proxy in front. */
  trustProxy: boolean;
  /** At most this long from SIGTERM to exit: drain, close sockets, close the bus and the database. */
  shutdownSeconds: number;
  /** How long a member stays online for routing after their last console socket closed. */
  offlineGraceSeconds: number;
  /** `PARLEY_LOG`: a pino level or `silent`. */
  logLevel: LogLevel;
  webhooks: WebhookConfig;
  mail: MailConfig;
  /** Fair use on sockets (README, "Limits"). */
  fairUse: FairUseLimits;
  /** `PARLEY_MAX_UPLOAD_MB`: the largest attachment, in bytes. */
  maxUploadBytes: number;
  /** Uploads no message took are removed after this long (a day; shorter in tests). */
  orphanAttachmentMs: number;
}

export interface FairUseLimits {
  /** Chat messages per socket: a token bucket refilled at `perSecond`, holding `burst`. */
  socketMessages: { perSecond: number; burst: number };
  /** The same across all sockets of one visitor or staff member. */
  userMessages: { perSecond: number; burst: number };
  /** Typing frames relayed per sender and ticket and second (the rest are dropped). */
  typingPerSecond: number;
  socketsPerVisitorToken: number;
  socketsPerStaffSession: number;
  /** Sockets from one address that have not authenticated yet. */
  unauthenticatedSocketsPerAddress: number;
}

/** Limits counted in messages or sockets: at least one, or nothing would get through. */
const COUNT = { min: 1, max: 1_000_000_000 };

/**
 * Reads and checks every variable; throws a ConfigError listing all problems. `warn` hears of
 * PARLEY_* variables that are not settings (likely typos).
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, warn?: (line: string) => void): Config {
  const r = new EnvReader(env);
  const port = r.port('PORT', 3000);
  const publicUrl = r.url('PARLEY_PUBLIC_URL', ['http:', 'https:'])?.replace(/\/+$/, '') ?? null;
  const config: Config = {
    port,
    host: r.match('HOST', /^[A-Za-z0-9.:[\]-]+$/, 'a host name or IP address') ?? '0.0.0.0',
    databaseUrl: r.url('DATABASE_URL', ['postgres:', 'postgresql:']),
    busUrl: r.url('PARLEY_BUS_URL', ['nats:']),
    dataDir: r.string('PARLEY_DATA_DIR', './data'),
    adminEmail: r.match('PARLEY_ADMIN_EMAIL', /^[^\s@]+@[^\s@]+$/, 'an email address'),
    adminPassword: r.length('PARLEY_ADMIN_PASSWORD', LIMITS.password.min, LIMITS.password.max),
    publicUrl,
    consoleOrigins: r.origins('PARLEY_CONSOLE_ORIGINS'),
    examplePort: r.raw('PARLEY_EXAMPLE_PORT') === 'off' ? null : r.port('PARLEY_EXAMPLE_PORT', port === 0 ? 0 : port + 1),
    sessionTtlHours: r.int('PARLEY_SESSION_TTL_HOURS', 24 * 7, { min: 1, max: 24 * 366 }),
    newVisitorsPerMinute: r.int('PARLEY_NEW_VISITORS_PER_MINUTE', 600, { min: 1, max: 1_000_000 }),
    ticketsPerVisitorPerHour: r.int('PARLEY_TICKETS_PER_VISITOR_PER_HOUR', 30, COUNT),
    ticketsPerAddressPerHour: r.int('PARLEY_TICKETS_PER_ADDRESS_PER_HOUR', 600, COUNT),
    requestTimeoutMs: r.int('PARLEY_REQUEST_TIMEOUT_MS', 30_000, { min: 1_000, max: 3_600_000 }),
    secureCookies: publicUrl?.startsWith('https:') ?? false,
    trustProxy: r.flag('PARLEY_TRUST_PROXY'),
    shutdownSeconds: r.number('PARLEY_SHUTDOWN_SECONDS', 10, { min: 0.1, max: 600 }),
    logLevel: r.oneOf('PARLEY_LOG', LOG_LEVELS, 'info'),
    webhooks: loadWebhookConfig(r),
    mail: loadMailConfig(r),
    fairUse: {
      socketMessages: { perSecond: r.int('PARLEY_SOCKET_MESSAGES_PER_SECOND', 5, COUNT), burst: r.int('PARLEY_SOCKET_MESSAGE_BURST', 30, COUNT) },
      userMessages: { perSecond: r.int('PARLEY_USER_MESSAGES_PER_SECOND', 10, COUNT), burst: r.int('PARLEY_USER_MESSAGE_BURST', 60, COUNT) },
      typingPerSecond: r.int('PARLEY_TYPING_PER_SECOND', 2, COUNT),
      socketsPerVisitorToken: r.int('PARLEY_SOCKETS_PER_VISITOR', 20, COUNT),
      socketsPerStaffSession: r.int('PARLEY_SOCKETS_PER_SESSION', 20, COUNT),
      unauthenticatedSocketsPerAddress: r.int('PARLEY_UNAUTHENTICATED_SOCKETS_PER_ADDRESS', 100, COUNT),
    },
    offlineGraceSeconds: r.number('PARLEY_OFFLINE_GRACE_SECONDS', 60, { min: 0, max: 86400 }),
    maxUploadBytes: Math.round(r.number('PARLEY_MAX_UPLOAD_MB', 10, { min: 0.001, max: 1024 }) * 1048576),
    orphanAttachmentMs: 86_400_000,
  };
  if (config.busUrl && !config.databaseUrl) r.problem('PARLEY_BUS_URL needs DATABASE_URL: the embedded database is one process, with no other instance to tell');
  r.done();
  for (const name of r.unknown()) warn?.(`${name} is not a Parley setting; ignored (a typo?)`);
  return config;
}
