import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WEBHOOK_EVENTS, type Site, type Ticket, type WebhookEndpointWithSecret } from '../../protocol/index.ts';
import { ApiClient, newTicket } from '../testing/api.ts';
import { spawnServer } from '../testing/spawn-server.ts';
import { startReceiver, type Receiver } from '../testing/webhook-receiver.ts';

const ADMIN = { PARLEY_ADMIN_EMAIL: 'admin@example.test', PARLEY_ADMIN_PASSWORD: 'admin-password-123' };
const WEBHOOKS = { PARLEY_WEBHOOK_ALLOW_PRIVATE: '1', PARLEY_WEBHOOK_POLL_MS: '50', PARLEY_WEBHOOK_BACKOFF_MS: '100', PARLEY_WEBHOOK_TIMEOUT_MS: '1000', PARLEY_LOG: 'silent' };
const TICKETS = 4;
const MESSAGES = 3;

/** A database for spawned servers only: a fresh PostgreSQL database, or a PGlite folder. */
async function freshDatabase(): Promise<{ env: Record<string, string>; drop(): Promise<void> }> {
  if (!process.env.DATABASE_URL) {
    const dir = mkdtempSync(join(tmpdir(), 'parley-crash-'));
    return { env: { PARLEY_DATA_DIR: dir }, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const name = `parley_test_${randomBytes(6).toString('hex')}`;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    await client.query(sql).finally(() => client.end());
  };
  await admin(`create database ${name}`);
  const url = new URL(process.env.DATABASE_URL);
  url.pathname = `/${name}`;
  return { env: { DATABASE_URL: url.toString() }, drop: () => admin(`drop database if exists ${name} with (force)`) };
}

/** Tickets opened, accepted and chatted on: TICKETS × (2 + MESSAGES) events. */
async function traffic(base: string, receiver: Receiver) {
  const admin = await ApiClient.staff(base, ADMIN.PARLEY_ADMIN_EMAIL, ADMIN.PARLEY_ADMIN_PASSWORD);
  const hook = (await admin.post<WebhookEndpointWithSecret>('/api/webhooks', { url: receiver.url, events: [...WEBHOOK_EVENTS] })).body;
  receiver.secrets.push(hook.secret);
  const site = (await admin.post<Site>('/api/sites', { name: 'Shop', origins: ['http://shop.test'] })).body;
  const customer = await ApiClient.visitor(base, site.key, 'http://shop.test');
  const tickets: Ticket[] = [];
  for (let i = 0; i < TICKETS; i++) {
    const t = (await newTicket(customer, `crash ${i}`)).body;
    await admin.post(`/api/tickets/${t.id}/accept`);
    for (let m = 0; m < MESSAGES; m++) await customer.post(`/api/tickets/${t.id}/messages`, { clientId: `c${i}-${m}`, body: `message ${m}` });
    tickets.push(t);
  }
  return tickets;
}

/** Every event of every ticket arrived with a valid signature, and per ticket the first arrivals are in order. */
function expectAllDelivered(receiver: Receiver, tickets: Ticket[]) {
  const ok = receiver.received.filter((r) => r.valid);
  expect(ok.length).toBe(receiver.received.length);
  for (const t of tickets) {
    const mine = ok.filter((r) => (r.payload.data.ticket?.id ?? r.payload.data.message?.ticketId) === t.id);
    const firsts = [...new Map(mine.map((r) => [r.payload.id, r])).values()];
    expect(firsts.map((r) => r.payload.type)).toEqual(['ticket.created', 'ticket.accepted', ...Array(MESSAGES).fill('message.created')]);
    expect(firsts.slice(2).map((r) => r.payload.data.message.seq)).toEqual([...Array(MESSAGES).keys()].map((k) => k + 1));
  }
}
const uniqueEvents = (r: Receiver) => new Set(r.received.filter((x) => x.valid && x.payload.id).map((x) => x.payload.id)).size;

describe('webhook outbox durability', () => {
  let receiver: Receiver;
  let db: Awaited<ReturnType<typeof freshDatabase>>;
  beforeAll(async () => {
    receiver = await startReceiver();
    db = await freshDatabase();
  });
  afterAll(async () => {
    await receiver.close();
    await db.drop();
  });

  it('loses no queued delivery when the server is killed with -9, and sends each after a restart', async () => {
    // The receiver is down (503) while events pile up, so they sit in the outbox with retries scheduled.
    receiver.answer((_r, res) => {
      res.statusCode = 503;
      res.end('down');
    });
    const first = await spawnServer({ ...db.env, ...ADMIN, ...WEBHOOKS });
    const tickets = await traffic(first.url, receiver);
    await receiver.until(() => receiver.received.length >= 3);
    first.child.kill('SIGKILL');
    await new Promise((ok) => first.child.once('exit', ok));
    expect(uniqueEvents(receiver)).toBeLessThanOrEqual(TICKETS * (2 + MESSAGES));

    receiver.answer((_r, res) => res.end('ok'));
    receiver.received.length = 0;
    const second = await spawnServer({ ...db.env, ...ADMIN, ...WEBHOOKS });
    try {
      await receiver.until(() => uniqueEvents(receiver) === TICKETS * (2 + MESSAGES), 30_000);
      expectAllDelivered(receiver, tickets);
    } finally {
      await second.stop();
    }
  }, 90_000);
});

describe.skipIf(!process.env.DATABASE_URL)('several instances sharing one outbox', () => {
  it('sends each delivery from one instance at a time, in order per ticket', async () => {
    const receiver = await startReceiver();
    const db = await freshDatabase();
    const a = await spawnServer({ ...db.env, ...ADMIN, ...WEBHOOKS });
    const b = await spawnServer({ ...db.env, ...ADMIN, ...WEBHOOKS });
    const c = await spawnServer({ ...db.env, ...ADMIN, ...WEBHOOKS });
    try {
      const tickets = await traffic(a.url, receiver);
      await receiver.until(() => uniqueEvents(receiver) === TICKETS * (2 + MESSAGES), 30_000);
      await new Promise((ok) => setTimeout(ok, 500));
      expectAllDelivered(receiver, tickets);
      // Nothing failed, so nothing was sent twice.
      expect(receiver.received.length).toBe(TICKETS * (2 + MESSAGES));
    } finally {
      await Promise.all([a.stop(), b.stop(), c.stop()]);
      await receiver.close();
      await db.drop();
    }
  }, 90_000);
});
