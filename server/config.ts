import { loadWebhookConfig, type WebhookConfig } from './services/webhook-config.ts';

/** Server configuration, read once from the environment (see README, "Configuration"). */
export interface Config {
  port: number;
  host: string;
  /** PostgreSQL URL; when absent the embedded PGlite database in `dataDir` is used. */
  databaseUrl: string | null;
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
  /** Cookie `Secure` flag: on when the public URL is https. */
  secureCookies: boolean;
  logLevel: 'silent' | 'info';
  webhooks: WebhookConfig;
  /** Fair use on sockets (README, "Limits"). */
  fairUse: FairUseLimits;
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

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const publicUrl = env.PARLEY_PUBLIC_URL?.replace(/\/+$/, '') || null;
  return {
    port: int(env.PORT, 3000),
    host: env.HOST || '0.0.0.0',
    databaseUrl: env.DATABASE_URL || null,
    dataDir: env.PARLEY_DATA_DIR || './data',
    adminEmail: env.PARLEY_ADMIN_EMAIL || null,
    adminPassword: env.PARLEY_ADMIN_PASSWORD || null,
    publicUrl,
    consoleOrigins: (env.PARLEY_CONSOLE_ORIGINS ?? '').split(',').map((s) => s.trim()).filter(Boolean),
    examplePort: env.PARLEY_EXAMPLE_PORT === 'off' ? null : int(env.PARLEY_EXAMPLE_PORT, int(env.PORT, 3000) + 1),
    sessionTtlHours: int(env.PARLEY_SESSION_TTL_HOURS, 24 * 7),
    newVisitorsPerMinute: int(env.PARLEY_NEW_VISITORS_PER_MINUTE, 600),
    secureCookies: publicUrl?.startsWith('https:') ?? false,
    logLevel: env.PARLEY_LOG === 'silent' ? 'silent' : 'info',
    webhooks: loadWebhookConfig(env),
    fairUse: {
      socketMessages: { perSecond: int(env.PARLEY_SOCKET_MESSAGES_PER_SECOND, 5), burst: int(env.PARLEY_SOCKET_MESSAGE_BURST, 30) },
      userMessages: { perSecond: int(env.PARLEY_USER_MESSAGES_PER_SECOND, 10), burst: int(env.PARLEY_USER_MESSAGE_BURST, 60) },
      typingPerSecond: int(env.PARLEY_TYPING_PER_SECOND, 2),
      socketsPerVisitorToken: int(env.PARLEY_SOCKETS_PER_VISITOR, 20),
      socketsPerStaffSession: int(env.PARLEY_SOCKETS_PER_SESSION, 20),
      unauthenticatedSocketsPerAddress: int(env.PARLEY_UNAUTHENTICATED_SOCKETS_PER_ADDRESS, 100),
    },
  };
}

function int(value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`expected a non-negative integer, got "${value}"`);
  return n;
}
