// A staff member talking to the public HTTP API from node, with the session cookie and the Origin
// header a browser on the console would send (the server refuses cookie writes without it).
import type { Site, User } from '../../protocol/index.ts';

export class StaffClient {
  readonly base: string;
  private cookie = '';

  constructor(base: string) {
    this.base = base;
  }

  static async signIn(base: string, email: string, password: string): Promise<StaffClient> {
    const client = new StaffClient(base);
    await client.request('POST', '/api/auth/login', { email, password });
    return client;
  }

  /** Sends one request; resolves with status and parsed body (no throw on 4xx, tests assert on it). */
  async request<T = unknown>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
    const res = await fetch(this.base + path, {
      method,
      headers: { origin: this.base, ...(this.cookie ? { cookie: this.cookie } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const set = res.headers.get('set-cookie');
    if (set) this.cookie = set.split(';')[0]!;
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : null) as T };
  }

  async ok<T>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await this.request<T>(method, path, body);
    if (res.status >= 400) throw new Error(`${method} ${path} → ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  }

  createUser(input: { email: string; name: string; password: string; role: 'member' | 'admin' }): Promise<User> {
    return this.ok<User>('POST', '/api/users', input);
  }

  createSite(name: string, origins: string[]): Promise<Site> {
    return this.ok<Site>('POST', '/api/sites', { name, origins });
  }
}
