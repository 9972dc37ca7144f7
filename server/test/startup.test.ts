import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ApiClient, cast, newTicket } from '../testing/api.ts';
import { startServer } from '../start.ts';
import { startTestServer } from '../testing/test-server.ts';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('startup', () => {
  it('creates the first admin once with a printed password, and keeps data across restarts (PGlite)', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'parley-start-'));
    dirs.push(dataDir);
    const lines: string[] = [];
    const log = console.log;
    console.log = (line: string) => lines.push(line);
    let first;
    try {
      first = await startServer({ port: 0, host: '127.0.0.1', databaseUrl: null, dataDir, adminEmail: null, adminPassword: null, examplePort: null, logLevel: 'info', publicUrl: null });
    } finally {
      console.log = log;
    }
    const printed = lines.join('\n').match(/as (\S+) with password: (\S+)/);
    expect(printed).not.toBeNull();
    const admin = await ApiClient.staff(first.url, printed![1]!, printed![2]!);
    const site = (await admin.post('/api/sites', { name: 'Kept', origins: ['http://kept.test'] })).body;
    await first.close();

    lines.length = 0;
    console.log = (line: string) => lines.push(line);
    let second;
    try {
      second = await startServer({ port: 0, host: '127.0.0.1', databaseUrl: null, dataDir, adminEmail: null, adminPassword: null, examplePort: null, logLevel: 'info', publicUrl: null });
    } finally {
      console.log = log;
    }
    expect(lines.join('\n')).not.toMatch(/password/);
    const again = await ApiClient.staff(second.url, printed![1]!, printed![2]!);
    expect((await again.get('/api/sites')).body.sites.map((s: { key: string }) => s.key)).toEqual([site.key]);
    await second.close();
  });
});

describe('health, metrics and stats', () => {
  it('reports health, Prometheus metrics and monitoring figures', async () => {
    const server = await startTestServer();
    try {
      const c = await cast(server.url, server.admin);
      const t = (await newTicket(c.customer)).body;
      await c.member.post(`/api/tickets/${t.id}/accept`);
      await c.member.post(`/api/tickets/${t.id}/messages`, { clientId: 'm1', body: 'first response' });
      const health = await fetch(`${server.url}/healthz`);
      expect(await health.json()).toMatchObject({ status: 'ok' });
      const metrics = await (await fetch(`${server.url}/metrics`)).text();
      expect(metrics).toMatch(/parley_tickets\{status="assigned"\} 1/);
      expect(metrics).toMatch(/parley_messages_total 1/);
      expect(metrics).toMatch(/parley_connections\{kind="member"\} 0/);
      const stats = (await c.adminApi.get('/api/stats')).body;
      expect(stats.tickets).toEqual({ open: 0, assigned: 1, rejected: 0, closed: 0 });
      expect(stats.messagesPerMinute).toHaveLength(60);
      expect(stats.messagesPerMinute.at(-1)).toBe(1);
      expect(stats.firstResponseSeconds.avg).toBeGreaterThanOrEqual(0);
      expect(stats.resolutionSeconds.avg).toBeNull();
      expect(stats.server.database).toMatchObject({ ok: true, kind: process.env.DATABASE_URL ? 'postgresql' : 'pglite' });
    } finally {
      await server.close();
    }
  });
});
