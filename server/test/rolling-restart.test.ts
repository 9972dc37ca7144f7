import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runRollingRestart, type SideRecord } from '../../bench/scenarios/rolling-restart.ts';
import { freePort } from '../../bench/lib/proc.ts';
import { spawnServer } from '../testing/spawn-server.ts';
import { adminQuery } from '../testing/test-database.ts';

// Two instances on one PostgreSQL behind a load balancer; PGlite is one process by nature.
const base = process.env.DATABASE_URL;
const admin = { email: 'admin@example.test', password: 'admin-password-123' };

describe.skipIf(!base)('rolling restart (PostgreSQL)', () => {
  const name = `parley_test_${randomBytes(6).toString('hex')}`;
  let url = '';
  beforeAll(async () => {
    await adminQuery(base!, `create database ${name}`);
    const u = new URL(base!);
    u.pathname = `/${name}`;
    url = u.toString();
  });
  afterAll(() => adminQuery(base!, `drop database if exists ${name} with (force)`));

  it('restarts each instance in turn while pairs chat: every message stored once, in order, delivered, no client error', async () => {
    const [a, b, balancerPort] = [await freePort(), await freePort(), await freePort()];
    const result = await runRollingRestart({
      ports: [a!, b!],
      balancerPort: balancerPort!,
      start: (port) => spawnServer({
        DATABASE_URL: url, PORT: String(port), PARLEY_PUBLIC_URL: `http://127.0.0.1:${balancerPort}`, PARLEY_LOG: 'silent',
        PARLEY_ADMIN_EMAIL: admin.email, PARLEY_ADMIN_PASSWORD: admin.password,
      }),
      admin,
      pairs: 4,
      sendEveryMs: 100,
      settleMs: 1500,
      drainCapMs: 20000,
    });
    console.log(`rolling restart: ${result.sent} sent, ${result.stored} stored, ${result.reconnects} reconnects, without a socket p50 ${result.gap.p50} ms, p99 ${result.gap.p99} ms`);

    expect(result.restartMs).toHaveLength(2);
    expect(result.records.flatMap((r) => [...r.customer.errors, ...r.member.errors])).toEqual([]);
    for (const r of result.records) {
      const clientIds = r.stored.map((m) => m.clientId);
      expect(r.stored.map((m) => m.seq)).toEqual(clientIds.map((_, i) => i + 1));
      expect(new Set(clientIds).size).toBe(clientIds.length);
      const by = (side: SideRecord) => clientIds.filter((id) => side.sent.includes(id));
      // Each side's messages stored exactly once, in the order written, and nothing else.
      expect(by(r.customer)).toEqual(r.customer.sent);
      expect(by(r.member)).toEqual(r.member.sent);
      expect(clientIds.length).toBe(r.customer.sent.length + r.member.sent.length);
      // Delivered to the other side, in order.
      expect(r.member.seen.map((m) => m.clientId)).toEqual(r.customer.sent);
      expect(r.customer.seen.map((m) => m.clientId)).toEqual(r.member.sent);
      for (const side of [r.customer, r.member]) {
        expect(side.sent.length).toBeGreaterThan(20);
        expect(side.unsent).toBe(0);
        // Every client lost its instance at least once, and only reconnected.
        expect(side.readies).toBeGreaterThanOrEqual(2);
      }
    }
  }, 120_000);
});
