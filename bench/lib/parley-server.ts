import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTempDatabase, type TempDatabase } from './database.ts';
import { freePort, spawnNode, waitReady, type Child } from './proc.ts';

/** The real server in a child process, on a fresh database (PostgreSQL when DATABASE_URL is set, else PGlite). */
export interface ParleyServer {
  url: string;
  origin: string;
  admin: { email: string; password: string };
  child: Child;
  database: { kind: 'postgresql' | 'pglite'; url?: string };
  /** Milliseconds from spawn to the first 200 from /readyz. */
  startupMs: number;
  close(): Promise<void>;
}

export interface StartOptions {
  /** Use PGlite even when DATABASE_URL is set (the startup scenario measures the embedded database). */
  embedded?: boolean;
  /** Reuse this data directory (a warm start); otherwise a fresh temp dir that close() removes. */
  dataDir?: string;
  /** Extra node flags, e.g. --cpu-prof. */
  nodeFlags?: string[];
  env?: Record<string, string>;
  /** A PostgreSQL database shared with other instances (the caller made it and drops it). */
  databaseUrl?: string;
  /** Listen here (an instance started again on its old port) instead of a free port. */
  port?: number;
}

const UNLIMITED = '1000000000';
const BENCH_LIMITS = Object.fromEntries([
  'PARLEY_SOCKET_MESSAGES_PER_SECOND', 'PARLEY_SOCKET_MESSAGE_BURST', 'PARLEY_USER_MESSAGES_PER_SECOND', 'PARLEY_USER_MESSAGE_BURST',
  'PARLEY_TYPING_PER_SECOND', 'PARLEY_SOCKETS_PER_VISITOR', 'PARLEY_SOCKETS_PER_SESSION', 'PARLEY_UNAUTHENTICATED_SOCKETS_PER_ADDRESS',
  'PARLEY_TICKETS_PER_VISITOR_PER_HOUR', 'PARLEY_TICKETS_PER_ADDRESS_PER_HOUR',
].map((name) => [name, UNLIMITED]));

export const ADMIN = { email: 'bench-admin@example.com', password: 'bench-admin-password-1' };

export async function startParley(opts: StartOptions = {}): Promise<ParleyServer> {
  const pgBase = opts.embedded || opts.databaseUrl ? undefined : process.env.DATABASE_URL;
  const db: TempDatabase | undefined = pgBase ? await createTempDatabase(pgBase, 'server') : undefined;
  const ownDir = opts.dataDir === undefined;
  const dataDir = opts.dataDir ?? (await mkdtemp(join(tmpdir(), 'parley-bench-')));
  const port = opts.port ?? (await freePort());
  const url = `http://127.0.0.1:${port}`;
  const started = performance.now();
  const child = spawnNode([...(opts.nodeFlags ?? []), 'server/main.ts'], {
    PORT: String(port),
    HOST: '127.0.0.1',
    PARLEY_DATA_DIR: dataDir,
    PARLEY_ADMIN_EMAIL: ADMIN.email,
    PARLEY_ADMIN_PASSWORD: ADMIN.password,
    PARLEY_PUBLIC_URL: url,
    DATABASE_URL: opts.databaseUrl ?? db?.url,
    NODE_ENV: 'production',
    // The example host page `npm start` also serves is not part of what is measured.
    PARLEY_EXAMPLE_PORT: 'off',
    // The load generator is one address and a few credentials doing what thousands of people would: raise the fair-use limits.
    ...BENCH_LIMITS,
    ...opts.env,
  });
  const cleanup = async () => {
    await child.stop();
    await db?.drop();
    if (ownDir) await rm(dataDir, { recursive: true, force: true });
  };
  try {
    await waitReady(child, `${url}/readyz`, 60000);
  } catch (err) {
    await cleanup();
    throw err;
  }
  return {
    url,
    origin: url,
    admin: ADMIN,
    child,
    database: opts.databaseUrl ? { kind: 'postgresql', url: opts.databaseUrl } : db ? { kind: 'postgresql', url: db.url } : { kind: 'pglite' },
    startupMs: performance.now() - started,
    close: cleanup,
  };
}
