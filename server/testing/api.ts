import WebSocket from 'ws';
import type { ServerFrame, Site, Ticket, User, VisitorSession } from '../../protocol/index.ts';
import { checkAgainstDocument } from './openapi-check.ts';

export interface Reply<T = any> { status: number; body: T }

/** A tiny HTTP client for tests: JSON in and out, one cookie jar (staff) or a Bearer token (visitor); every answer is checked against the OpenAPI document. */
export class ApiClient {
  readonly base: string;
  cookie = '';
  token = '';
  origin: string | undefined;
  constructor(base: string, opts: { origin?: string } = {}) {
    this.base = base;
    this.origin = opts.origin ?? base;
  }

  async call<T = any>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Reply<T>> {
    const h: Record<string, string> = { ...headers };
    if (body !== undefined) h['content-type'] ??= 'application/json';
    if (this.origin) h.origin ??= this.origin;
    if (this.cookie) h.cookie = this.cookie;
    if (this.token) h.authorization = `Bearer ${this.token}`;
    const res = await fetch(this.base + path, { method, headers: h, body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body) });
    const set = res.headers.getSetCookie().find((c) => c.startsWith('parley_session='));
    if (set) this.cookie = set.split(';')[0]!;
    const text = await res.text();
    let parsed: any = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // not JSON (metrics)
    }
    // Every answer a test gets is checked against the OpenAPI document, so the document cannot drift.
    checkAgainstDocument(method, path, res.status, res.headers.get('content-type') ?? '', parsed);
    return { status: res.status, body: parsed };
  }
  get<T = any>(path: string) { return this.call<T>('GET', path); }
  post<T = any>(path: string, body: unknown = {}) { return this.call<T>('POST', path, body); }
  patch<T = any>(path: string, body: unknown) { return this.call<T>('PATCH', path, body); }

  static async staff(base: string, email: string, password: string): Promise<ApiClient> {
    const c = new ApiClient(base);
    const r = await c.post('/api/auth/login', { email, password });
    if (r.status !== 200) throw new Error(`login failed: ${r.status} ${JSON.stringify(r.body)}`);
    return c;
  }

  static async visitor(base: string, siteKey: string, origin: string, extra: Record<string, unknown> = {}): Promise<ApiClient & { session: VisitorSession }> {
    const c = new ApiClient(base, { origin }) as ApiClient & { session: VisitorSession };
    const r = await c.post<VisitorSession>('/api/visitor', { siteKey, ...extra });
    if (r.status !== 200) throw new Error(`visitor failed: ${r.status} ${JSON.stringify(r.body)}`);
    c.token = r.body.visitorToken;
    c.session = r.body;
    return c;
  }
}

/** A socket that records every frame, with waits for a frame matching a predicate. */
export class TestSocket {
  readonly ws: WebSocket;
  readonly frames: ServerFrame[] = [];
  private waiters: { match: (f: ServerFrame) => boolean; resolve: (f: ServerFrame) => void }[] = [];
  closed: Promise<{ code: number; reason: string }>;
  private refs = 0;

  private constructor(ws: WebSocket) {
    this.ws = ws;
    ws.on('message', (d) => {
      const f = JSON.parse(d.toString()) as ServerFrame;
      this.frames.push(f);
      this.waiters = this.waiters.filter((w) => (w.match(f) ? (w.resolve(f), false) : true));
    });
    this.closed = new Promise((r) => ws.on('close', (code, reason) => r({ code, reason: reason.toString() })));
  }

  static open(base: string, opts: { origin?: string; cookie?: string } = {}): Promise<TestSocket> {
    const headers: Record<string, string> = {};
    if (opts.cookie) headers.cookie = opts.cookie;
    const ws = new WebSocket(base.replace(/^http/, 'ws') + '/ws', { origin: opts.origin ?? base, headers });
    const s = new TestSocket(ws);
    return new Promise((ok, fail) => {
      ws.once('open', () => ok(s));
      ws.once('unexpected-response', (_req, res) => fail(new Error(`upgrade refused: ${res.statusCode}`)));
      ws.once('error', fail);
    });
  }

  static async staff(base: string, api: ApiClient): Promise<TestSocket> {
    const s = await TestSocket.open(base, { cookie: api.cookie });
    await s.next((f) => f.type === 'ready');
    return s;
  }

  static async visitor(base: string, api: ApiClient): Promise<TestSocket> {
    const s = await TestSocket.open(base, { origin: api.origin });
    s.send({ type: 'auth', token: api.token });
    await s.next((f) => f.type === 'ready');
    return s;
  }

  send(frame: object | string): void {
    this.ws.send(typeof frame === 'string' ? frame : JSON.stringify(frame));
  }

  /** Sends a frame with a fresh ref and resolves with the `ack` or `error` that answers it. */
  async request(frame: Record<string, unknown>): Promise<Extract<ServerFrame, { type: 'ack' | 'error' }>> {
    const ref = `r${++this.refs}`;
    const reply = this.next((f) => (f.type === 'ack' || f.type === 'error' || f.type === 'pong') && f.ref === ref);
    this.send({ ...frame, ref });
    return (await reply) as Extract<ServerFrame, { type: 'ack' | 'error' }>;
  }

  /** The first frame (already received or coming) that matches; fails after `ms`. */
  next(match: (f: ServerFrame) => boolean, ms = 5000, fromIndex = 0): Promise<ServerFrame> {
    const seen = this.frames.slice(fromIndex).find(match);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no matching frame within ${ms} ms; got ${JSON.stringify(this.frames.slice(-5))}`)), ms);
      this.waiters.push({ match, resolve: (f) => (clearTimeout(timer), resolve(f)) });
    });
  }

  /** Resolves after `ms` with the frames received meanwhile that match (to assert something did NOT arrive). */
  async quiet(match: (f: ServerFrame) => boolean, ms = 300): Promise<ServerFrame[]> {
    const start = this.frames.length;
    await new Promise((r) => setTimeout(r, ms));
    return this.frames.slice(start).filter(match);
  }

  messages(ticketId: string): number[] {
    return this.frames.filter((f) => f.type === 'message' && f.message.ticketId === ticketId).map((f) => (f as Extract<ServerFrame, { type: 'message' }>).message.seq);
  }

  close(): void {
    this.ws.close();
  }
}

/** Sets up the usual cast: an admin, a member, a site allowing `origin`, and a customer on it. */
export async function cast(base: string, admin: { email: string; password: string }, origin = 'http://shop.test') {
  const adminApi = await ApiClient.staff(base, admin.email, admin.password);
  const email = `member-${Math.random().toString(36).slice(2)}@example.test`;
  const created = await adminApi.post<User>('/api/users', { email, name: 'Mia Member', password: 'member-password-1', role: 'member' });
  if (created.status !== 201) throw new Error(JSON.stringify(created.body));
  const member = await ApiClient.staff(base, email, 'member-password-1');
  const site = (await adminApi.post<Site>('/api/sites', { name: 'Shop', origins: [origin] })).body;
  const customer = await ApiClient.visitor(base, site.key, origin);
  return { adminApi, member, memberUser: created.body, site, customer, origin };
}

export const newTicket = (api: ApiClient, description = 'My order never arrived') =>
  api.post<Ticket>('/api/tickets', { category: 'Billing', urgency: 'high', description });
