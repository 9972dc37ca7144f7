import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../testing/api.ts';
import { ROOT, startServer, type RunningServer } from '../start.ts';

const admin = { email: 'admin@example.test', password: 'admin-password-123' };
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function cli(command: 'backup' | 'restore', file: string, dataDir: string): Promise<{ code: number | null; out: string }> {
  const child = spawn(process.execPath, [join(ROOT, 'server/backup/cli.ts'), command, file], {
    env: { ...process.env, DATABASE_URL: '', PARLEY_DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, out })));
}

const start = (dataDir: string) => startServer({ port: 0, host: '127.0.0.1', databaseUrl: null, dataDir, adminEmail: admin.email, adminPassword: admin.password, examplePort: null, logLevel: 'silent', publicUrl: null });

async function siteNames(server: RunningServer): Promise<string[]> {
  const api = await ApiClient.staff(server.url, admin.email, admin.password);
  return ((await api.get('/api/sites')).body.sites as { name: string }[]).map((s) => s.name).sort();
}

// Backups of the embedded database; on PostgreSQL the README points at pg_dump.
describe.skipIf(!!process.env.DATABASE_URL)('backup and restore of the embedded database', () => {
  it('backs up while the server runs, refuses to restore under it, and restores the state at the backup', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'parley-backup-'));
    dirs.push(dataDir);
    const file = join(dataDir, '..', `${dataDir.split('/').pop()}.tar.gz`);
    dirs.push(file);
    const written: string[] = [];
    let server = await start(dataDir);
    try {
      const api = await ApiClient.staff(server.url, admin.email, admin.password);
      await api.post('/api/sites', { name: 'Before', origins: ['https://before.example'] });
      // Writes go on while the backup is taken: the copy holds each of them whole or not at all.
      let writing = true;
      const writer = (async () => {
        for (let i = 0; writing; i++) {
          if ((await api.post('/api/sites', { name: `During ${i}`, origins: [`https://during-${i}.example`] })).status === 201) written.push(`During ${i}`);
        }
      })();
      const backup = await cli('backup', file, dataDir);
      writing = false;
      await writer;
      expect(backup.out).toContain('from the running server');
      expect(backup.code).toBe(0);
      // Written after the backup: gone after the restore.
      await api.post('/api/sites', { name: 'After', origins: ['https://after.example'] });
      expect(await siteNames(server)).toEqual(['After', 'Before', ...written].sort());
      const refused = await cli('restore', file, dataDir);
      expect(refused.code).toBe(1);
      expect(refused.out).toMatch(/stop it before restoring/);
    } finally {
      await server.close();
    }
    const restored = await cli('restore', file, dataDir);
    expect(restored.code).toBe(0);
    expect(readdirSync(dataDir).some((f) => f.startsWith('pglite.before-restore-'))).toBe(true);
    server = await start(dataDir);
    try {
      // The state at the backup: what was written before it, a prefix of what was written during it, nothing after.
      const names = await siteNames(server);
      const during = written.filter((n) => names.includes(n));
      expect(names).toEqual(['Before', ...during].sort());
      expect(during).toEqual(written.slice(0, during.length));
    } finally {
      await server.close();
    }
  }, 120_000);

  it('backs up a stopped server, and keeps the data when the file is no backup', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'parley-backup-'));
    dirs.push(dataDir);
    let server = await start(dataDir);
    const api = await ApiClient.staff(server.url, admin.email, admin.password);
    await api.post('/api/sites', { name: 'Kept', origins: ['https://kept.example'] });
    await server.close();
    const file = join(dataDir, 'offline.tar.gz');
    const backup = await cli('backup', file, dataDir);
    expect(backup.code).toBe(0);
    expect(backup.out).not.toContain('from the running server');

    const bad = await cli('restore', join(ROOT, 'package.json'), dataDir);
    expect(bad.code).not.toBe(0);
    expect(bad.out).toMatch(/not a Parley backup/);
    expect(readdirSync(dataDir).filter((f) => f.startsWith('pglite'))).toEqual(['pglite']);

    // The offline backup restores into an empty data folder too.
    const fresh = mkdtempSync(join(tmpdir(), 'parley-backup-'));
    dirs.push(fresh);
    expect((await cli('restore', file, fresh)).code).toBe(0);
    expect(existsSync(join(fresh, 'pglite'))).toBe(true);
    server = await start(fresh);
    try {
      expect(await siteNames(server)).toEqual(['Kept']);
    } finally {
      await server.close();
    }
  }, 120_000);
});
