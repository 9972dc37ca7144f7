import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { request as httpRequest, type RequestOptions } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { BlockList, isIP } from 'node:net';

/**
 * Addresses a webhook may never reach unless private targets are allowed: loopback, private,
 * link-local, and the like. Two lists, because a BlockList matches IPv4 addresses against its
 * IPv4-mapped IPv6 rules too.
 */
const BLOCKED_V4 = new BlockList();
const BLOCKED_V6 = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12],
  ['192.0.0.0', 24], ['192.0.2.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['198.51.100.0', 24], ['203.0.113.0', 24],
  ['224.0.0.0', 4], ['240.0.0.0', 4],
] as const) BLOCKED_V4.addSubnet(net, prefix, 'ipv4');
for (const [net, prefix] of [
  // IPv4-mapped and -compatible addresses are blocked whole: a public IPv4 host resolves to its IPv4 address.
  ['::', 96], ['::ffff:0:0', 96], ['64:ff9b::', 96], ['100::', 64], ['2001:db8::', 32], ['fc00::', 7], ['fe80::', 10], ['ff00::', 8],
] as const) BLOCKED_V6.addSubnet(net, prefix, 'ipv6');

export function isPrivateAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return true; // not an address at all: refuse rather than guess
  return family === 4 ? BLOCKED_V4.check(address, 'ipv4') : BLOCKED_V6.check(address, 'ipv6');
}

export type Resolver = (hostname: string, options: LookupOptions & { all: true }, cb: (err: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void) => void;

/**
 * A `lookup` for http.Agent / net.connect that refuses a name when any address it resolves to is
 * private. It runs at connect time, on the addresses actually dialled, so a name that resolved to a
 * public address when the endpoint was saved and to 127.0.0.1 now (DNS rebinding) is still refused.
 */
export function guardedLookup(resolve: Resolver = dnsLookup as unknown as Resolver) {
  return (hostname: string, options: LookupOptions, cb: (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void) => {
    resolve(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return cb(err, '');
      const bad = addresses.find((a) => isPrivateAddress(a.address));
      if (bad || !addresses.length) {
        return cb(Object.assign(new Error(`${hostname} resolves to ${bad?.address ?? 'nothing'}, which webhooks may not reach`), { code: 'EPRIVATE' }), '');
      }
      if (options.all) cb(null, addresses);
      else cb(null, addresses[0]!.address, addresses[0]!.family);
    });
  };
}

export interface SendResult {
  ok: boolean;
  /** null when no HTTP answer came (refused, timed out, blocked). */
  status: number | null;
  durationMs: number;
  /** The first bytes of the answer, or why there was none. */
  response: string;
}

export interface SenderOptions {
  allowPrivate: boolean;
  timeoutMs: number;
  /** For tests: resolve names differently (e.g. a name that resolves to 127.0.0.1). */
  resolve?: Resolver;
}

const SNIPPET_BYTES = 1024;

/**
 * POSTs one webhook body. Never follows redirects (a 3xx is a failure), stops at the timeout, and,
 * unless private targets are allowed, refuses literal private addresses and names resolving to one.
 * Never throws: every outcome is a SendResult.
 */
export function createSender(opts: SenderOptions) {
  const lookup = opts.allowPrivate ? undefined : guardedLookup(opts.resolve);
  return function send(target: string, headers: Record<string, string>, body: string): Promise<SendResult> {
    const started = performance.now();
    const done = (ok: boolean, status: number | null, response: string): SendResult =>
      ({ ok, status, response, durationMs: Math.round(performance.now() - started) });
    let url: URL;
    try {
      url = new URL(target);
    } catch {
      return Promise.resolve(done(false, null, 'not a valid URL'));
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return Promise.resolve(done(false, null, 'only http and https URLs are allowed'));
    const host = url.hostname.replace(/^\[|\]$/g, '');
    // net.connect skips `lookup` for literal addresses, so those are checked here.
    if (!opts.allowPrivate && isIP(host) && isPrivateAddress(host)) {
      return Promise.resolve(done(false, null, `${host} is a private address, which webhooks may not reach`));
    }
    const options: RequestOptions = {
      method: 'POST',
      headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
      timeout: opts.timeoutMs,
      agent: false,
      ...(lookup ? { lookup: lookup as RequestOptions['lookup'] } : {}),
    };
    return new Promise((resolve) => {
      let settled = false;
      const finish = (r: SendResult) => {
        if (settled) return;
        settled = true;
        clearTimeout(deadline);
        resolve(r);
      };
      const req = (url.protocol === 'https:' ? httpsRequest : httpRequest)(url, options, (res) => {
        const status = res.statusCode ?? 0;
        const chunks: Buffer[] = [];
        let size = 0;
        const end = () => {
          const text = Buffer.concat(chunks).subarray(0, SNIPPET_BYTES).toString('utf8');
          if (status >= 300 && status < 400) return finish(done(false, status, `redirect to ${res.headers.location ?? '?'} not followed`));
          finish(done(status >= 200 && status < 300, status, text));
        };
        res.on('data', (chunk: Buffer) => {
          if (size < SNIPPET_BYTES) chunks.push(chunk);
          size += chunk.length;
          // Enough to show; the rest is not read.
          if (size >= SNIPPET_BYTES) {
            end();
            res.destroy();
          }
        });
        res.on('end', end);
        res.on('error', end);
      });
      // The whole attempt, not only idle time, is bounded.
      const deadline = setTimeout(() => {
        req.destroy();
        finish(done(false, null, `timed out after ${opts.timeoutMs} ms`));
      }, opts.timeoutMs);
      req.on('timeout', () => {
        req.destroy();
        finish(done(false, null, `timed out after ${opts.timeoutMs} ms`));
      });
      req.on('error', (err: NodeJS.ErrnoException) => finish(done(false, null, err.code === 'EPRIVATE' ? err.message : `${err.code ?? 'error'}: ${err.message}`)));
      req.end(body);
    });
  };
}

export type Sender = ReturnType<typeof createSender>;
