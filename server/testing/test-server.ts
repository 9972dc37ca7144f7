import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Config } from '../config.ts';
import { startServer, type RunningServer } from '../start.ts';
import { adminQuery } from './test-database.ts';

export interface TestServer extends RunningServer {
  admin: { email: string; password: string };
  databaseUrl: string | null;
}

/**
 * A real server on a fresh database: PGlite in a temp dir, or, when DATABASE_URL is set, a new
 * PostgreSQL database made for this server and dropped on close. Pass `databaseUrl` to start a
 * second instance on the same database.
 */
export async function startTestServer(opts: { port?: number; databaseUrl?: string; config?: Partial<Config> } = {}): Promise<TestServer> {
  const admin = { email: 'admin@example.test', password: 'admin-password-123' };
  let databaseUrl: string | null = opts.databaseUrl ?? null;
  let cleanup: () => Promise<void> = async () => {};
  let dataDir = '';
  if (!databaseUrl && process.env.DATABASE_URL) {
    const name = `parley_test_${randomBytes(6).toString('hex')}`;
    await adminQuery(process.env.DATABASE_URL, `create database ${name}`);
    const url = new URL(process.env.DATABASE_URL);
    url.pathname = `/${name}`;
    databaseUrl = url.toString();
    cleanup = () => adminQuery(process.env.DATABASE_URL!, `drop database if exists ${name} with (force)`);
  } else if (!databaseUrl) {
    dataDir = mkdtempSync(join(tmpdir(), 'parley-test-'));
    cleanup = async () => rmSync(dataDir, { recursive: true, force: true });
  }
  const running = await startServer({
    port: opts.port ?? 0, host: '127.0.0.1', databaseUrl, dataDir: dataDir || './data',
    adminEmail: admin.email, adminPassword: admin.password, publicUrl: null, logLevel: 'silent', examplePort: null,
    ...opts.config,
  });
  const ownsDb = !opts.databaseUrl;
  return {
    ...running,
    admin,
    databaseUrl,
    close: async () => {
      await running.close();
      if (ownsDb) await cleanup();
    },
  };
}
