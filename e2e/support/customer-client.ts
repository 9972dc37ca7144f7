// A customer talking to the public HTTP API from node, as the widget would: a visitor token for a
// site key, sent as a Bearer token, from one of the site's allowed origins.
import type { Ticket, VisitorSession } from '../../protocol/index.ts';

export class CustomerClient {
  readonly base: string;
  readonly origin: string;
  readonly session: VisitorSession;

  private constructor(base: string, origin: string, session: VisitorSession) {
    this.base = base;
    this.origin = origin;
    this.session = session;
  }

  /** A new visitor (body adds identity or context as the widget would send them). */
  static async visit(base: string, origin: string, siteKey: string, body: Record<string, unknown> = {}): Promise<CustomerClient> {
    const res = await fetch(`${base}/api/visitor`, { method: 'POST', headers: { origin, 'content-type': 'application/json' }, body: JSON.stringify({ siteKey, ...body }) });
    if (!res.ok) throw new Error(`POST /api/visitor → ${res.status} ${await res.text()}`);
    return new CustomerClient(base, origin, (await res.json()) as VisitorSession);
  }

  async request<T = unknown>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
    const res = await fetch(this.base + path, {
      method,
      headers: { origin: this.origin, authorization: `Bearer ${this.session.visitorToken}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : null) as T };
  }

  async createTicket(description: string, urgency: Ticket['urgency'] = 'medium', category = 'General'): Promise<Ticket> {
    const res = await this.request<Ticket>('POST', '/api/tickets', { category, urgency, description });
    if (res.status !== 201) throw new Error(`POST /api/tickets → ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as Ticket;
  }
}
