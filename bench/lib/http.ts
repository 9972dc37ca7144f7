import { Agent, request } from 'node:http';

export interface HttpResponse<T> {
  status: number;
  body: T;
  setCookie: string[];
}

export interface HttpOptions {
  headers?: Record<string, string>;
  /** Loopback source address for the connection (see loopbackSource). */
  localAddress?: string;
}

// One agent per source address. No keep-alive: a connection reused just as the server's idle
// timeout closes it fails with ECONNRESET, and setup requests are few enough to open their own.
const agents = new Map<string, Agent>();
const agentFor = (localAddress = '') => {
  let agent = agents.get(localAddress);
  if (!agent) {
    agent = new Agent({ keepAlive: false, maxSockets: 16, ...(localAddress ? { localAddress } : {}) });
    agents.set(localAddress, agent);
  }
  return agent;
};

export function closeHttpAgents(): void {
  for (const agent of agents.values()) agent.destroy();
  agents.clear();
}

/** JSON over node:http (not fetch) because the bench sets `Origin` and the source address itself. */
export function httpJson<T = unknown>(method: string, url: string, body?: unknown, opts: HttpOptions = {}): Promise<HttpResponse<T>> {
  const payload = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method,
        agent: agentFor(opts.localAddress),
        headers: { accept: 'application/json', ...(payload ? { 'content-type': 'application/json' } : {}), ...opts.headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString();
          let parsed: unknown = text;
          try {
            parsed = text ? JSON.parse(text) : null;
          } catch {
            // not JSON: keep the text for the error message
          }
          const raw = res.headers['set-cookie'];
          resolve({ status: res.statusCode ?? 0, body: parsed as T, setCookie: raw ?? [] });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    // A server that stops answering must not hang the run.
    req.setTimeout(30000, () => req.destroy(new Error(`${method} ${url}: no answer in 30 s`)));
    req.end(payload);
  });
}

/** Like httpJson but throws unless the status is 2xx. */
export async function httpOk<T>(method: string, url: string, body?: unknown, opts?: HttpOptions): Promise<HttpResponse<T>> {
  const res = await httpJson<T>(method, url, body, opts);
  if (res.status < 200 || res.status >= 300) {
    throw new Error(`${method} ${new URL(url).pathname} -> ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`);
  }
  return res;
}

/** `name=value; name2=value2` from Set-Cookie headers. */
export const cookieHeader = (setCookie: string[]): string => setCookie.map((c) => c.split(';')[0]).join('; ');
