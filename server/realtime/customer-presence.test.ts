import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/test-server.ts';
import { CustomerPresence, customerConnectedSql } from './customer-presence.ts';

describe('customer presence across instances (customer_connections)', () => {
  let server: TestServer;
  const made: CustomerPresence[] = [];
  const errors: unknown[] = [];
  beforeAll(async () => void (server = await startTestServer()));
  afterAll(async () => {
    for (const p of made) await p.stop();
    await server?.close();
  });
  const presence = (instance: string, timing = { leaseMs: 60_000, renewMs: 60_000 }) => {
    const p = new CustomerPresence(server.services.db, `${instance}-${randomUUID()}`, (err) => errors.push(err), timing);
    made.push(p);
    return p;
  };
  const connected = async (id: string) =>
    (await server.services.db.sql<{ yes: boolean }>(`select ${customerConnectedSql('?::uuid')} as yes`, [id]))[0]!.yes;
  const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms));

  it('counts a customer connected while any instance holds a socket of theirs', async () => {
    const [a, b] = [presence('a'), presence('b')];
    const id = randomUUID();
    expect(await connected(id)).toBe(false);
    a.up(id);
    b.up(id);
    await Promise.all([a.settled(), b.settled()]);
    expect(await connected(id)).toBe(true);
    a.down(id);
    await a.settled();
    expect(await connected(id)).toBe(true);
    b.down(id);
    await b.settled();
    expect(await connected(id)).toBe(false);
    expect(errors).toEqual([]);
  });

  it('writes a burst of changes in order: the last state of each customer wins', async () => {
    const p = presence('burst');
    const ids = Array.from({ length: 300 }, () => randomUUID());
    for (const id of ids) p.up(id);
    for (const id of ids.slice(0, 100)) p.down(id);
    // Down and up again while the first flush may be in flight.
    for (const id of ids.slice(0, 50)) p.up(id);
    await p.settled();
    const states = await Promise.all(ids.map(connected));
    expect(states.filter(Boolean).length).toBe(250);
    expect(states.slice(50, 100).some(Boolean)).toBe(false);
    expect(errors).toEqual([]);
  });

  it('lets the rows of an instance that stopped renewing (killed) lapse, and renewal keeps a live one', async () => {
    const dead = presence('killed', { leaseMs: 300, renewMs: 60_000 });
    const live = presence('live', { leaseMs: 300, renewMs: 60 });
    const [gone, stays] = [randomUUID(), randomUUID()];
    dead.up(gone);
    live.up(stays);
    live.start(() => [stays]);
    await Promise.all([dead.settled(), live.settled()]);
    expect(await connected(gone)).toBe(true);
    await sleep(600);
    expect(await connected(gone)).toBe(false);
    expect(await connected(stays)).toBe(true);
    // Renewal also clears lapsed rows of every instance.
    await sleep(150);
    await live.settled();
    expect(await server.services.db.sql(`select 1 from customer_connections where customer_id = ?`, [gone])).toEqual([]);
  });

  it('removes only its own rows when an instance stops', async () => {
    const [a, b] = [presence('a'), presence('b')];
    const [onlyA, both] = [randomUUID(), randomUUID()];
    a.up(onlyA);
    a.up(both);
    b.up(both);
    await Promise.all([a.settled(), b.settled()]);
    await a.stop();
    expect(await connected(onlyA)).toBe(false);
    expect(await connected(both)).toBe(true);
  });
});
