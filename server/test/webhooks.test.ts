import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ticket, WebhookDelivery, WebhookEndpoint, WebhookEndpointWithSecret } from '../../protocol/index.ts';
import { WEBHOOK_EVENTS } from '../../protocol/index.ts';
import { ApiClient, cast, newTicket } from '../testing/api.ts';
import { autoSite, routedMember } from '../testing/routing.ts';
import { loadConfig } from '../config.ts';
import { startTestServer, type TestServer } from '../testing/test-server.ts';
import { startReceiver, verifySignature, type Received, type Receiver } from '../testing/webhook-receiver.ts';

const BACKOFF = 100;
let server: TestServer;
let c: Awaited<ReturnType<typeof cast>>;
const receivers: Receiver[] = [];

beforeAll(async () => {
  server = await startTestServer({
    config: {
      webhooks: { allowPrivate: true, pollMs: 50, backoffMs: BACKOFF, retryForMs: 2500, timeoutMs: 1000, concurrency: 16 },
      // The pruning test sends 105 messages in a row: more than one member's fair-use burst.
      fairUse: { ...loadConfig({}).fairUse, userMessages: { perSecond: 1000, burst: 1000 } },
    },
  });
  c = await cast(server.url, server.admin);
});
afterAll(async () => {
  await server?.close();
  for (const r of receivers) await r.close();
});

async function receiver(): Promise<Receiver> {
  const r = await startReceiver();
  receivers.push(r);
  return r;
}
async function register(r: Receiver, events: string[] = [...WEBHOOK_EVENTS]): Promise<WebhookEndpointWithSecret> {
  const created = await c.adminApi.post<WebhookEndpointWithSecret>('/api/webhooks', { url: r.url, events });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  r.secrets.push(created.body.secret);
  return created.body;
}
const remove = (id: string) => c.adminApi.call('DELETE', `/api/webhooks/${id}`);
const log = async (id: string) => (await c.adminApi.get<{ deliveries: WebhookDelivery[] }>(`/api/webhooks/${id}/deliveries`)).body.deliveries;
/** A ticket of the customer, accepted by the member, with `n` messages from each side. */
async function conversation(n: number, label = 'conv'): Promise<Ticket> {
  const t = (await newTicket(c.customer, label)).body;
  await c.member.post(`/api/tickets/${t.id}/accept`);
  for (let i = 0; i < n; i++) {
    await c.customer.post(`/api/tickets/${t.id}/messages`, { clientId: `${label}-c${i}`, body: `customer ${i}` });
    await c.member.post(`/api/tickets/${t.id}/messages`, { clientId: `${label}-m${i}`, body: `member ${i}` });
  }
  return t;
}
/** Polls `read` until `ok` holds (the worker records a result just after the receiver answered). */
async function eventually<T>(read: () => Promise<T>, ok: (v: T) => boolean, ms = 10_000): Promise<T> {
  const end = Date.now() + ms;
  let v = await read();
  while (!ok(v) && Date.now() < end) {
    await new Promise((r) => setTimeout(r, 50));
    v = await read();
  }
  return v;
}
const ticketOf = (p: { data: any }) => p.data.ticket?.id ?? p.data.message?.ticketId;

describe('webhook endpoints', () => {
  it('lets admins register, list, change and delete endpoints; the secret is shown on creation only', async () => {
    const created = await c.adminApi.post<WebhookEndpointWithSecret>('/api/webhooks', { url: 'https://hooks.example.com/parley', events: ['ticket.created'] });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ url: 'https://hooks.example.com/parley', events: ['ticket.created'], active: true, failingSince: null });
    expect(created.body.secret).toMatch(/^whsec_/);
    const listed = (await c.adminApi.get<{ webhooks: WebhookEndpoint[] }>('/api/webhooks')).body.webhooks;
    expect(listed.map((w) => w.id)).toContain(created.body.id);
    expect(JSON.stringify(listed)).not.toContain(created.body.secret);
    const patched = await c.adminApi.patch<WebhookEndpoint>(`/api/webhooks/${created.body.id}`, { events: ['ticket.closed', 'message.created'], active: false });
    expect(patched.body).toMatchObject({ events: ['ticket.closed', 'message.created'], active: false });
    const own = await c.adminApi.post<WebhookEndpointWithSecret>('/api/webhooks', { url: 'https://hooks.example.com/2', events: ['ticket.created'], secret: 'my-own-secret-of-some-length' });
    expect(own.body.secret).toBe('my-own-secret-of-some-length');
    expect((await remove(created.body.id)).status).toBe(204);
    expect((await remove(own.body.id)).status).toBe(204);
    expect((await remove(own.body.id)).status).toBe(404);
  });

  it('refuses bad input with a clear 400 and non-admins with 403', async () => {
    for (const body of [
      { url: 'not a url', events: ['ticket.created'] }, { url: 'ftp://x.example/', events: ['ticket.created'] },
      { url: 'https://u:p@x.example/', events: ['ticket.created'] }, { url: 'https://x.example/', events: ['ticket.deleted'] },
      { url: 'https://x.example/', events: [] }, { url: 'https://x.example/' }, { events: ['ticket.created'] },
      { url: 'https://x.example/', events: ['ticket.created'], secret: 'short' }, { url: 'https://x.example/' + 'a'.repeat(3000), events: ['ticket.created'] },
    ]) {
      const r = await c.adminApi.post('/api/webhooks', body);
      expect([400, 413], JSON.stringify(body)).toContain(r.status);
    }
    for (const api of [c.member, c.customer]) {
      expect((await api.get('/api/webhooks')).status).toBe(403);
      expect((await api.post('/api/webhooks', { url: 'https://x.example/', events: ['ticket.created'] })).status).toBe(403);
    }
    expect((await new ApiClient(server.url).get('/api/webhooks')).status).toBe(401);
    expect((await c.adminApi.get('/api/webhooks/nope/deliveries')).status).toBe(404);
  });
});

describe('webhook delivery', () => {
  it('delivers every event once, signed, in order per ticket, with a stable delivery id', async () => {
    const r = await receiver();
    const hook = await register(r);
    const t = await conversation(3, 'order');
    await c.member.post(`/api/tickets/${t.id}/close`);
    expect((await c.customer.post(`/api/tickets/${t.id}/rating`, { score: 4, comment: 'quick' })).status).toBe(201);
    await r.until(() => r.received.some((x) => x.payload.type === 'rating.created'));
    const types = r.received.map((x) => x.payload.type);
    expect(types).toEqual(['ticket.created', 'ticket.accepted', ...Array(6).fill('message.created'), 'ticket.closed', 'rating.created']);
    expect(r.received.at(-1)!.payload.data.rating).toMatchObject({ ticketId: t.id, score: 4, comment: 'quick' });
    for (const x of r.received) {
      expect(x.valid).toBe(true);
      expect(x.signature).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
      expect(Object.keys(x.payload).sort()).toEqual(['createdAt', 'data', 'id', 'type']);
      expect(x.event).toBe(x.payload.type);
    }
    const seqs = r.received.filter((x) => x.payload.type === 'message.created').map((x) => x.payload.data.message.seq);
    expect(seqs).toEqual([1, 2, 3, 4, 5, 6]);
    expect(r.received[0]!.payload.data.ticket).toMatchObject({ id: t.id, status: 'open' });
    expect(r.received[1]!.payload.data.ticket).toMatchObject({ id: t.id, status: 'assigned' });
    expect(r.received.at(-2)!.payload.data.ticket).toMatchObject({ id: t.id, status: 'closed' });
    const entries = await eventually(() => log(hook.id), (l) => l.every((e) => e.state === 'delivered'));
    expect(entries.map((e) => e.id).sort()).toEqual(r.received.map((x) => x.delivery).sort());
    expect(entries[0]).toMatchObject({ state: 'delivered', attempts: 1, responseStatus: 200, response: 'ok' });
    expect(entries[0]!.durationMs).toBeGreaterThanOrEqual(0);
    await remove(hook.id);
  });

  it('tells of auto-assignment as ticket.accepted, committed with the assignment', async () => {
    const r = await receiver();
    const hook = await register(r, ['ticket.created', 'ticket.accepted']);
    const site = await autoSite(c.adminApi, 'http://auto.test');
    const { user } = await routedMember(server.url, c.adminApi, { name: 'Rita Router' });
    const visitor = await ApiClient.visitor(server.url, site.key, 'http://auto.test');
    const t = (await newTicket(visitor, 'routed')).body;
    await r.until(() => r.received.some((x) => x.payload.type === 'ticket.accepted' && x.payload.data.ticket.id === t.id));
    const accepted = r.received.find((x) => x.payload.type === 'ticket.accepted')!;
    expect(accepted.valid).toBe(true);
    expect(accepted.payload.data.ticket).toMatchObject({ id: t.id, status: 'assigned', assignee: { id: user.id } });
    expect(r.received.map((x) => x.payload.type)).toEqual(['ticket.created', 'ticket.accepted']);
    await remove(hook.id);
  });

  it('sends ticket.updated for every change broadcast as ticket_updated (labels), in order with the rest', async () => {
    const r = await receiver();
    const hook = await register(r, ['ticket.created', 'ticket.updated']);
    const t = (await newTicket(c.customer, 'labelled')).body;
    await c.member.post(`/api/tickets/${t.id}/accept`);
    const labels = (list: string[]) => c.member.call('PUT', `/api/tickets/${t.id}/labels`, { labels: list });
    expect((await labels(['vip'])).status).toBe(200);
    expect((await labels(['vip'])).status).toBe(200);
    expect((await labels(['vip', 'refund'])).status).toBe(200);
    expect((await labels([])).status).toBe(200);
    await r.until(() => r.received.filter((x) => x.payload.type === 'ticket.updated').length === 3);
    const mine = r.received.filter((x) => ticketOf(x.payload) === t.id);
    expect(mine.map((x) => x.payload.type)).toEqual(['ticket.created', 'ticket.updated', 'ticket.updated', 'ticket.updated']);
    expect(mine.slice(1).map((x) => x.payload.data.ticket.labels)).toEqual([['vip'], ['vip', 'refund'], []]);
    expect(mine.every((x) => x.valid)).toBe(true);
    // Unchanged labels tell nobody: no fourth delivery is queued.
    const entries = await eventually(() => log(hook.id), (l) => l.every((e) => e.state === 'delivered'));
    expect(entries.filter((e) => e.type === 'ticket.updated')).toHaveLength(3);
    // A release (a hand-over, the other path that broadcasts ticket_updated) is told the same way.
    expect((await c.member.post(`/api/tickets/${t.id}/assign`, { userId: null })).status).toBe(200);
    await r.until(() => r.received.filter((x) => x.payload.type === 'ticket.updated').length === 4);
    expect(r.received.at(-1)!.payload.data.ticket).toMatchObject({ id: t.id, status: 'open', assignee: null });
    await remove(hook.id);
  });

  it('never sends a note, even when a delivery for one is queued behind the enqueue rule', async () => {
    const r = await receiver();
    const hook = await register(r, ['message.created']);
    const t = await conversation(0, 'gate');
    const note = await c.member.post(`/api/tickets/${t.id}/messages`, { clientId: 'gate-note', body: 'internal: never a webhook', internal: true });
    expect(note.body).toMatchObject({ internal: true });
    // What a faulty enqueue would write: a pending delivery naming the note, ahead of a real message.
    await server.services.db.sql(
      `insert into webhook_deliveries (id, created_at, endpoint_id, event_id, type, ticket_id, message_id, state, attempts, started_at, next_attempt_at)
       values (gen_random_uuid(), now(), ?, gen_random_uuid(), 'message.created', ?, ?, 'pending', 0, now(), now())`,
      [hook.id, t.id, note.body.id],
    );
    await c.member.post(`/api/tickets/${t.id}/messages`, { clientId: 'gate-public', body: 'public after the note' });
    await r.until(() => r.received.some((x) => x.payload.data.message?.clientId === 'gate-public'));
    expect(r.received.map((x) => x.body).join('\n')).not.toContain('never a webhook');
    const entries = await eventually(() => log(hook.id), (l) => l.every((e) => e.state === 'delivered'));
    expect(entries).toHaveLength(1);
    await remove(hook.id);
  });

  it('is verified by exactly the Node snippet in the README', async () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const snippet = /Verify in Node[^]*?```js\n([^]*?)```/.exec(readme)?.[1];
    expect(snippet, 'the README has the verification snippet').toContain('function verifyParley');
    const dir = mkdtempSync(join(tmpdir(), 'parley-snippet-'));
    try {
      writeFileSync(join(dir, 'verify.mjs'), `${snippet}\nexport { verifyParley };\n`);
      const { verifyParley } = (await import(pathToFileURL(join(dir, 'verify.mjs')).href)) as { verifyParley: (h: string, b: string, s: string) => boolean };
      const r = await receiver();
      const hook = await register(r, ['ticket.created']);
      await newTicket(c.customer, 'snippet');
      await r.until(() => r.received.length > 0);
      const [got] = r.received;
      expect(verifyParley(got!.signature, got!.body, hook.secret)).toBe(true);
      expect(verifyParley(got!.signature, got!.body.replace('snippet', 'snippez'), hook.secret)).toBe(false);
      expect(verifyParley(got!.signature, got!.body, 'whsec_another-secret-entirely')).toBe(false);
      await remove(hook.id);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('sends only the events an endpoint asked for', async () => {
    const r = await receiver();
    const hook = await register(r, ['ticket.accepted']);
    await conversation(1, 'filter');
    await r.until(() => r.received.length >= 1);
    await new Promise((ok) => setTimeout(ok, 300));
    expect(r.received.map((x) => x.payload.type)).toEqual(['ticket.accepted']);
    await remove(hook.id);
  });

  it('retries with doubling backoff until the receiver accepts, with the same delivery id, keeping order per ticket', async () => {
    const r = await receiver();
    const hook = await register(r);
    const tries = new Map<string, number>();
    r.answer((x, res) => {
      const n = (tries.get(x.delivery) ?? 0) + 1;
      tries.set(x.delivery, n);
      res.statusCode = n <= 2 ? 503 : 200;
      res.end(n <= 2 ? 'busy, try later' : 'ok');
    });
    const a = await conversation(1, 'retry-a');
    const b = await conversation(1, 'retry-b');
    const accepted = () => r.received.filter((x) => (tries.get(x.delivery) ?? 0) >= 3 && r.received.filter((y) => y.delivery === x.delivery).length >= 3);
    await r.until(() => new Set(accepted().map((x) => x.delivery)).size === 8, 20_000);
    // Every event arrived, each tried three times under one delivery id, every try validly signed.
    const byDelivery = new Map<string, Received[]>();
    for (const x of r.received) byDelivery.set(x.delivery, [...(byDelivery.get(x.delivery) ?? []), x]);
    expect(byDelivery.size).toBe(8);
    for (const tries of byDelivery.values()) {
      expect(tries.length).toBe(3);
      expect(new Set(tries.map((x) => x.body)).size).toBe(1);
      expect(tries.every((x) => x.valid)).toBe(true);
      // Backoff: at least ~1x, then ~2x the base between tries (lower bounds only).
      expect(tries[1]!.at - tries[0]!.at).toBeGreaterThanOrEqual(BACKOFF * 0.9);
      expect(tries[2]!.at - tries[1]!.at).toBeGreaterThanOrEqual(BACKOFF * 2 * 0.9);
    }
    // Per ticket, an event is first sent only after the one before it was accepted.
    for (const t of [a, b]) {
      const mine = r.received.filter((x) => ticketOf(x.payload) === t.id);
      const order = [...new Set(mine.map((x) => x.delivery))];
      expect(order.map((d) => byDelivery.get(d)![0]!.payload.type)).toEqual(['ticket.created', 'ticket.accepted', 'message.created', 'message.created']);
      for (let i = 1; i < order.length; i++) {
        const prevAccepted = byDelivery.get(order[i - 1]!)!.at(-1)!.at;
        expect(byDelivery.get(order[i]!)![0]!.at).toBeGreaterThanOrEqual(prevAccepted);
      }
    }
    const entries = await eventually(() => log(hook.id), (l) => l.every((e) => e.state === 'delivered'));
    expect(entries.map((e) => e.attempts)).toEqual(Array(8).fill(3));
    await remove(hook.id);
  });

  it('gives up after the retry window, marks the endpoint failing, and redelivers on request with the same id', async () => {
    const r = await receiver();
    const hook = await register(r, ['ticket.created']);
    r.answer((_x, res) => {
      res.statusCode = 500;
      res.end('x'.repeat(5000));
    });
    await newTicket(c.customer, 'doomed');
    const entries = await eventually(() => log(hook.id), (l) => l[0]?.state === 'failed', 15_000);
    expect(entries[0]).toMatchObject({ state: 'failed', responseStatus: 500 });
    expect(entries[0]!.attempts).toBeGreaterThanOrEqual(3);
    expect(entries[0]!.response!.length).toBeLessThanOrEqual(1024);
    const failing = (await c.adminApi.get<WebhookEndpoint>(`/api/webhooks/${hook.id}`)).body;
    expect(failing.failingSince).not.toBeNull();

    r.answer((_x, res) => res.end('fine now'));
    const before = r.received.length;
    const again = await c.adminApi.post<WebhookDelivery>(`/api/webhooks/${hook.id}/deliveries/${entries[0]!.id}/redeliver`);
    expect(again.body).toMatchObject({ id: entries[0]!.id, state: 'pending' });
    await r.until(() => r.received.length > before && r.received.at(-1)!.delivery === entries[0]!.id);
    const healed = await eventually(async () => (await c.adminApi.get<WebhookEndpoint>(`/api/webhooks/${hook.id}`)).body, (w) => w.failingSince === null);
    expect(healed.failingSince).toBeNull();
    expect((await log(hook.id))[0]).toMatchObject({ state: 'delivered', response: 'fine now' });
    expect((await c.adminApi.post(`/api/webhooks/${hook.id}/deliveries/${crypto.randomUUID()}/redeliver`)).status).toBe(404);
    await remove(hook.id);
  });

  it('never follows a redirect (a 3xx is a failed try) and stops a slow receiver at the timeout', async () => {
    const target = await receiver();
    const r = await receiver();
    const hook = await register(r, ['ticket.created']);
    r.answer((_x, res) => {
      res.statusCode = 302;
      res.setHeader('location', target.url);
      res.end();
    });
    await newTicket(c.customer, 'redirected');
    await r.until(() => r.received.length >= 2);
    expect(target.received.length).toBe(0);
    const [entry] = await eventually(() => log(hook.id), (l) => l[0]?.responseStatus === 302);
    expect(entry).toMatchObject({ responseStatus: 302 });
    expect(entry!.response).toContain('not followed');
    r.answer(() => {}); // never answers
    await r.until(() => r.received.length >= 4, 10_000);
    const [slow] = await eventually(() => log(hook.id), (l) => /timed out/.test(l[0]?.response ?? ''));
    expect(slow!.response).toMatch(/timed out/);
    expect(slow!.responseStatus).toBeNull();
    await remove(hook.id);
  });

  it('rotates the secret: both secrets sign for a while, so receivers can switch', async () => {
    const r = await receiver();
    const hook = await register(r, ['ticket.created']);
    const rotated = (await c.adminApi.post<WebhookEndpointWithSecret>(`/api/webhooks/${hook.id}/rotate-secret`)).body;
    expect(rotated.secret).not.toBe(hook.secret);
    await newTicket(c.customer, 'rotated');
    await r.until(() => r.received.length >= 1);
    const x = r.received[0]!;
    expect(x.signature).toMatch(/^t=\d+,v1=[0-9a-f]{64},v1=[0-9a-f]{64}$/);
    expect(verifySignature(x.signature, x.body, rotated.secret)).toBe(true);
    expect(verifySignature(x.signature, x.body, hook.secret)).toBe(true);
    expect(verifySignature(x.signature, x.body, 'another-secret')).toBe(false);
    expect(verifySignature(x.signature, x.body + ' ', rotated.secret)).toBe(false);
    await remove(hook.id);
  });

  it('keeps the last 100 finished deliveries per endpoint', async () => {
    const r = await receiver();
    const hook = await register(r, ['message.created']);
    const t = await conversation(0, 'prune');
    for (let i = 0; i < 105; i++) expect((await c.member.post(`/api/tickets/${t.id}/messages`, { clientId: `p${i}`, body: `n${i}` })).status).toBe(201);
    await r.until(() => r.received.length >= 105);
    await new Promise((ok) => setTimeout(ok, 1100));
    await c.member.post(`/api/tickets/${t.id}/messages`, { clientId: 'p-last', body: 'last' });
    await r.until(() => r.received.length >= 106);
    const count = async () => (await server.services.db.sql<{ n: number }>('select count(*)::int as n from webhook_deliveries where endpoint_id = ?', [hook.id]))[0]!.n;
    const n = await eventually(count, (x) => x <= 100);
    expect(n).toBe(100);
    expect((await log(hook.id)).length).toBeLessThanOrEqual(100);
    await remove(hook.id);
  });
});
