import { logLevelOf, type LogLevel } from './log.ts';

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
  /** Tickets one visitor, and one client address, may open per hour (then 429 `rate_limited`). */
  ticketsPerVisitorPerHour: number;
  ticketsPerAddressPerHour: number;
  /** The whole request (headers and body) must arrive within this; the headers within min(20 s, this). */
  requestTimeoutMs: number;
  /** Cookie `Secure` flag: on when the public URL is https. */
  secureCookies: boolean;
  /** `PARLEY_LOG`: a pino level or `silent`. */
  logLevel: LogLevel;
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
    ticketsPerVisitorPerHour: int(env.PARLEY_TICKETS_PER_VISITOR_PER_HOUR, 30),
    ticketsPerAddressPerHour: int(env.PARLEY_TICKETS_PER_ADDRESS_PER_HOUR, 600),
    requestTimeoutMs: int(env.PARLEY_REQUEST_TIMEOUT_MS, 30_000),
    secureCookies: publicUrl?.startsWith('https:') ?? false,
    logLevel: logLevelOf(env.PARLEY_LOG),
  };
}

function int(value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`expected a non-negative integer, got "${value}"`);
  return n;
}
