import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { WebhookPayload } from '../../protocol/index.ts';

export interface Received {
  delivery: string;
  event: string;
  signature: string;
  /** Whether a `v1` in the signature matches one of the receiver's secrets. */
  valid: boolean;
  body: string;
  payload: WebhookPayload<any>;
  at: number;
}

/** Checks `Parley-Signature: t=…,v1=…` against the raw body, as the README tells receivers to. */
export function verifySignature(header: string, body: string, secret: string): boolean {
  const parts = header.split(',');
  const t = parts.find((p) => p.startsWith('t='))?.slice(2);
  if (!t) return false;
  const expected = createHmac('sha256', secret).update(`${t}.${body}`).digest();
  return parts.filter((p) => p.startsWith('v1=')).some((p) => {
    const given = Buffer.from(p.slice(3), 'hex');
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
}

/**
 * A real HTTP server in the test process that receives webhooks: it records every request, checks
 * its signature, and answers as `respond` says (default 200), so tests can fail the first tries.
 */
export async function startReceiver() {
  const received: Received[] = [];
  const secrets: string[] = [];
  let respond: (r: Received, res: ServerResponse) => void = (_r, res) => res.end('ok');
  const waiters: { match: () => boolean; resolve: () => void }[] = [];
  const server = createServer((req: IncomingMessage, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const signature = String(req.headers['parley-signature'] ?? '');
      let payload: WebhookPayload<any>;
      try {
        payload = JSON.parse(body);
      } catch {
        payload = { id: '', type: 'ticket.created', createdAt: '', data: null };
      }
      const r: Received = {
        delivery: String(req.headers['parley-delivery'] ?? ''), event: String(req.headers['parley-event'] ?? ''), signature,
        valid: secrets.some((s) => verifySignature(signature, body, s)), body, payload, at: performance.now(),
      };
      received.push(r);
      respond(r, res);
      for (const w of waiters.splice(0)) (w.match() ? w.resolve() : waiters.push(w));
    });
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', () => ok()));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    port,
    received,
    secrets,
    /** Sets how the receiver answers from now on. */
    answer(fn: (r: Received, res: ServerResponse) => void) {
      respond = fn;
    },
    /** Resolves once `match()` holds (checked after every request), failing after `ms`. */
    until(match: () => boolean, ms = 15_000): Promise<void> {
      if (match()) return Promise.resolve();
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`receiver: condition not met within ${ms} ms; got ${received.length} requests: ${received.slice(-5).map((r) => r.payload.type).join(', ')}`)), ms);
        waiters.push({ match, resolve: () => (clearTimeout(timer), resolve()) });
      });
    },
    /** The successful (2xx-answered) requests are not tracked here; tests decide via `answer`. */
    close: () => new Promise<void>((ok) => {
      server.closeAllConnections();
      server.close(() => ok());
    }),
  };
}

export type Receiver = Awaited<ReturnType<typeof startReceiver>>;
