import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../config.ts';
import { ROOT } from '../start.ts';

function problems(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  return [];
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

describe('configuration', () => {
  it('takes the defaults from an empty environment', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ port: 3000, host: '0.0.0.0', databaseUrl: null, dataDir: './data', examplePort: 3001, shutdownSeconds: 10, trustProxy: false, logLevel: 'info' });
  });

  it('reads good values', () => {
    const config = loadConfig({
      PORT: '8080', DATABASE_URL: 'postgres://u:p@db:5432/parley', PARLEY_PUBLIC_URL: 'https://support.example/', PARLEY_EXAMPLE_PORT: 'off',
      PARLEY_CONSOLE_ORIGINS: 'https://a.example, https://b.example:8443', PARLEY_SHUTDOWN_SECONDS: '2.5', PARLEY_TRUST_PROXY: '1',
    });
    expect(config).toMatchObject({ port: 8080, databaseUrl: 'postgres://u:p@db:5432/parley', publicUrl: 'https://support.example', secureCookies: true, examplePort: null, shutdownSeconds: 2.5, trustProxy: true });
    expect(config.consoleOrigins).toEqual(['https://a.example', 'https://b.example:8443']);
  });

  it('reports every mistake at once, one line each, without echoing secrets', () => {
    const found = problems({
      PORT: '70000', DATABASE_URL: 'mysql://root:hunter2@db/parley', PARLEY_PUBLIC_URL: 'support.example', PARLEY_SESSION_TTL_HOURS: '1.5',
      PARLEY_NEW_VISITORS_PER_MINUTE: 'lots', PARLEY_ADMIN_EMAIL: 'admin', PARLEY_ADMIN_PASSWORD: 'short', PARLEY_CONSOLE_ORIGINS: 'https://ok.example,https://bad.example/path',
      PARLEY_TRUST_PROXY: 'yes', PARLEY_SHUTDOWN_SECONDS: '0', PARLEY_LOG: 'loud', PARLEY_EXAMPLE_PORT: '-1', HOST: 'local host',
    });
    expect(found.map((line) => line.split(':')[0])).toEqual([
      'PORT', 'PARLEY_PUBLIC_URL', 'HOST', 'DATABASE_URL', 'PARLEY_ADMIN_EMAIL', 'PARLEY_ADMIN_PASSWORD', 'PARLEY_CONSOLE_ORIGINS', 'PARLEY_EXAMPLE_PORT',
      'PARLEY_SESSION_TTL_HOURS', 'PARLEY_NEW_VISITORS_PER_MINUTE', 'PARLEY_TRUST_PROXY', 'PARLEY_SHUTDOWN_SECONDS', 'PARLEY_LOG',
    ]);
    for (const line of found) expect(line).not.toContain('\n');
    expect(found.join('\n')).not.toMatch(/hunter2|short/);
    expect(found.find((l) => l.startsWith('PARLEY_CONSOLE_ORIGINS'))).toContain('https://bad.example/path');
  });

  it('takes a NATS bus only beside PostgreSQL, and only as a nats:// URL', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://db/parley', PARLEY_BUS_URL: 'nats://broker:4222' }).busUrl).toBe('nats://broker:4222');
    expect(problems({ PARLEY_BUS_URL: 'nats://broker:4222' })).toEqual([expect.stringMatching(/^PARLEY_BUS_URL needs DATABASE_URL/)]);
    expect(problems({ DATABASE_URL: 'postgres://db/parley', PARLEY_BUS_URL: 'redis://broker' })).toEqual([expect.stringMatching(/^PARLEY_BUS_URL: expected a nats URL/)]);
  });

  it('names PARLEY_* variables that are no setting', () => {
    const warnings: string[] = [];
    loadConfig({ PARLEY_PUBLC_URL: 'https://typo.example' }, (line) => warnings.push(line));
    expect(warnings).toEqual([expect.stringContaining('PARLEY_PUBLC_URL')]);
  });

  it('exits non-zero before opening any port when the environment is wrong', async () => {
    const port = await freePort();
    const child = spawn(process.execPath, [join(ROOT, 'server/main.ts')], {
      env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATABASE_URL: 'not a url', PARLEY_SESSION_TTL_HOURS: 'forever', PARLEY_DATA_DIR: join(ROOT, 'data-never-created') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err.trim().split('\n')).toEqual([
      'configuration: DATABASE_URL: expected a postgres or postgresql URL, got "not a url"',
      'configuration: PARLEY_SESSION_TTL_HOURS: expected a whole number from 1 to 8784, got "forever"',
    ]);
    // It stopped before the database too: the data folder was never made.
    expect(existsSync(join(ROOT, 'data-never-created'))).toBe(false);
  });
});
