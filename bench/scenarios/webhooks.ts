import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { httpOk } from '../lib/http.ts';
import { CUSTOMER_ORIGIN, ParleyApi } from '../lib/parley-api.ts';
import { startParley } from '../lib/parley-server.ts';
import { mapPool } from '../lib/pool.ts';
import { perSecond, summarize, type Latency } from '../lib/stats.ts';

export interface WebhooksResult {
  /** message.created events, each delivered once to one endpoint. */
  events: number;
  /** Tickets the messages were spread over (deliveries are ordered per ticket, so this bounds parallelism). */
  tickets: number;
  /** From the first message sent to the last delivery received. */
  durationMs: number;
  deliveriesPerSec: number;
  /** From the answer to a message's POST (it is committed) to its delivery arriving. */
  latency: Latency;
  /** Baseline: the same receiver taking bare POSTs of the same bodies from this process, as many at once. */
  receiver: { posts: number; concurrency: number; durationMs: number; postsPerSec: number };
}

/** A local HTTP receiver that answers 200 and notes when each message id arrived. */
async function startReceiver(): Promise<{ url: string; arrived: Map<string, number>; onArrival: (fn: () => void) => void; close: () => Promise<void> }> {
  const arrived = new Map<string, number>();
  let notify = () => {};
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const at = performance.now();
      try {
        const id = (JSON.parse(Buffer.concat(chunks).toString('utf8')) as { data?: { message?: { clientId?: string } } }).data?.message?.clientId;
        if (id) arrived.set(id, at);
      } catch {
        // a baseline body without a message
      }
      res.end('ok');
      notify();
    });
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', () => ok()));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  return {
    url, arrived,
    onArrival: (fn) => void (notify = fn),
    close: () => new Promise<void>((ok) => (server.closeAllConnections(), server.close(() => ok()))),
  };
}

/**
 * Webhook delivery on a server of its own (PARLEY_WEBHOOK_ALLOW_PRIVATE=1 for the loopback receiver):
 * `tickets` customer/member pairs, each member sending `perTicket` messages over HTTP one after another,
 * every one a signed `message.created` POST to the receiver. Then the receiver's own rate: bare POSTs of
 * the same bodies, `concurrency` at once, the webhook worker's default concurrency.
 */
export async function measureWebhooks(tickets: number, perTicket: number, capMs: number): Promise<WebhooksResult> {
  const receiver = await startReceiver();
  const server = await startParley({ env: { PARLEY_WEBHOOK_ALLOW_PRIVATE: '1' } });
  try {
    const api = new ParleyApi(server.url);
    const admin = await api.login(server.admin.email, server.admin.password);
    const staff = (s: { cookie: string }) => ({ headers: { cookie: s.cookie, origin: api.origin } });
    await httpOk('POST', `${server.url}/api/webhooks`, { url: receiver.url, events: ['message.created'] }, staff(admin));
    const site = await api.createSite(admin, 'Bench webhooks', [CUSTOMER_ORIGIN]);
    const members = await api.createMembers(admin, tickets, `hook-${Date.now().toString(36)}`);
    const pairs = await mapPool(tickets, 8, async (i) => {
      const customer = await api.visitor(site.key, i);
      const ticket = await api.createTicket(customer, `webhook bench ${i}`, i);
      await api.accept(members[i]!, ticket.id);
      return { member: members[i]!, ticketId: ticket.id };
    });

    const events = tickets * perTicket;
    const committed = new Map<string, number>();
    const started = performance.now();
    await Promise.all(pairs.map(async ({ member, ticketId }, t) => {
      for (let i = 0; i < perTicket; i++) {
        const clientId = `hook-${t}-${i}`;
        await httpOk('POST', `${server.url}/api/tickets/${ticketId}/messages`, { clientId, body: `Webhook bench message ${i} on ticket ${t}.` }, staff(member));
        committed.set(clientId, performance.now());
      }
    }));
    // Deliveries that arrived meanwhile are already noted; wait for the rest.
    const allIn = () => [...committed.keys()].every((k) => receiver.arrived.has(k));
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`webhooks: ${receiver.arrived.size} of ${events} deliveries within ${capMs} ms`)), capMs);
      const check = () => void (allIn() && (clearTimeout(timer), resolve()));
      receiver.onArrival(check);
      check();
    });
    const last = Math.max(...[...committed.keys()].map((k) => receiver.arrived.get(k)!));
    const durationMs = Math.round(last - started);
    const latency = summarize([...committed].map(([k, at]) => Math.max(0, receiver.arrived.get(k)! - at)));

    // Baseline: the receiver's own rate for bodies of the same size, sent as the worker sends them.
    const sample = JSON.stringify({ id: crypto.randomUUID(), type: 'message.created', createdAt: new Date().toISOString(), data: { note: 'x'.repeat(300) } });
    const concurrency = 16;
    const baseStarted = performance.now();
    await mapPool(events, concurrency, async () => {
      const res = await fetch(receiver.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: sample });
      await res.text();
    });
    const baseMs = performance.now() - baseStarted;
    return {
      events, tickets, durationMs, deliveriesPerSec: perSecond(events, durationMs), latency,
      receiver: { posts: events, concurrency, durationMs: Math.round(baseMs), postsPerSec: perSecond(events, baseMs) },
    };
  } finally {
    await server.close();
    await receiver.close();
  }
}
