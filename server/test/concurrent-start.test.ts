import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { STARTUP_LOCK } from '../db/orm.ts';
import { ROOT } from '../start.ts';
import { spawnServer } from '../testing/spawn-server.ts';

// Several instances on one database are a PostgreSQL affair; PGlite is one process by nature.
const base = process.env.DATABASE_URL;

async function query<T = Record<string, unknown>>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end();
  }
}

describe.skipIf(!base)('instances starting at once, and readiness (PostgreSQL)', () => {
  let url = '';
  let name = '';
  const children: ChildProcess[] = [];
  beforeAll(async () => {
    name = `parley_test_${randomBytes(6).toString('hex')}`;
    await query(base!, `create database ${name}`);
    const u = new URL(base!);
    u.pathname = `/${name}`;
    url = u.toString();
  });
  afterAll(async () => {
    for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
    await query(base!, `drop database if exists ${name} with (force)`);
  });

  it('three processes on an empty database all become ready, with one first admin', async () => {
    const env = { DATABASE_URL: url, PARLEY_ADMIN_PASSWORD: 'admin-password-123', PARLEY_LOG: 'silent' };
    const servers = await Promise.all([spawnServer(env), spawnServer(env), spawnServer(env)]);
    try {
      for (const s of servers) {
        children.push(s.child);
        expect((await fetch(`${s.url}/readyz`)).status).toBe(200);
        expect(await (await fetch(`${s.url}/healthz`)).json()).toMatchObject({ status: 'ok' });
      }
      expect(await query(url, `select email from users where role = 'admin'`)).toEqual([{ email: 'admin@parley.local' }]);
      expect((await query(url, 'select name from mikro_orm_migrations')).length).toBeGreaterThan(0);
    } finally {
      await Promise.all(servers.map((s) => s.stop()));
    }
  });

  it('listens before migrating: 503 on /readyz and on the app, 200 on /healthz, until the start-up work is done', async () => {
    // Holding the start-up lock keeps a new instance where it waits for migrations.
    const holder = new pg.Client({ connectionString: url });
    await holder.connect();
    await holder.query('select pg_advisory_lock($1)', [STARTUP_LOCK]);
    const port = 20000 + Math.floor(Math.random() * 20000);
    const child = spawn(process.execPath, [join(ROOT, 'server/main.ts')], {
      env: { ...process.env, DATABASE_URL: url, PORT: String(port), HOST: '127.0.0.1', PARLEY_EXAMPLE_PORT: 'off', PARLEY_LOG: 'silent' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.push(child);
    const origin = `http://127.0.0.1:${port}`;
    try {
      let ready: Response | null = null;
      for (let i = 0; i < 200 && !ready; i++) {
        ready = await fetch(`${origin}/readyz`).catch(() => null);
        if (!ready) await new Promise((r) => setTimeout(r, 50));
      }
      expect(ready?.status).toBe(503);
      expect(await ready!.json()).toEqual({ status: 'starting' });
      const health = await fetch(`${origin}/healthz`);
      expect(health.status).toBe(200);
      expect(await health.json()).toEqual({ status: 'starting' });
      const api = await fetch(`${origin}/api/auth/me`);
      expect(api.status).toBe(503);
      expect(api.headers.get('retry-after')).toBe('1');
      expect((await api.json()).error.code).toBe('internal');
      const upgrade = await new Promise<number>((resolve) => {
        const ws = new WebSocket(`ws://127.0.0.1:${port}/ws`, { headers: { origin } });
        ws.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
        ws.once('open', () => resolve(101));
        ws.once('error', () => {});
      });
      expect(upgrade).toBe(503);

      await holder.query('select pg_advisory_unlock($1)', [STARTUP_LOCK]);
      let status = 0;
      for (let i = 0; i < 200 && status !== 200; i++) {
        status = (await fetch(`${origin}/readyz`)).status;
        if (status !== 200) await new Promise((r) => setTimeout(r, 50));
      }
      expect(status).toBe(200);
      expect((await fetch(`${origin}/api/auth/me`)).status).toBe(401);
    } finally {
      await holder.end();
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    }
    expect(child.exitCode).toBe(0);
  });
});
