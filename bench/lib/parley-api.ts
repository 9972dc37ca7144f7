import type { Site, Ticket, User, VisitorSession } from '../../protocol/index.ts';
import { cookieHeader, httpOk } from './http.ts';
import { loopbackSource, mapPool } from './pool.ts';

/** The origin the bench's customers pretend to come from (registered as the site's allowed origin). */
export const CUSTOMER_ORIGIN = 'http://bench.localhost';

/** A logged-in staff member: what a console sends on every request and on the socket upgrade. */
export interface StaffSession {
  userId: string;
  cookie: string;
}

export interface CustomerSession {
  token: string;
  customerId: string;
}

/** Public HTTP API of one server, as the console and the widget use it. */
export class ParleyApi {
  readonly url: string;
  readonly origin: string;
  constructor(url: string) {
    this.url = url;
    this.origin = new URL(url).origin;
  }

  private staffHeaders(s: StaffSession) {
    return { cookie: s.cookie, origin: this.origin };
  }

  async login(email: string, password: string, index = 0): Promise<StaffSession> {
    const res = await httpOk<{ user: User } | User>('POST', `${this.url}/api/auth/login`, { email, password }, {
      headers: { origin: this.origin },
      localAddress: loopbackSource(index),
    });
    const cookie = cookieHeader(res.setCookie);
    if (!cookie) throw new Error('login set no cookie');
    const user = 'user' in res.body ? res.body.user : res.body;
    return { userId: user.id, cookie };
  }

  async createSite(admin: StaffSession, name: string, origins: string[]): Promise<Site> {
    return (await httpOk<Site>('POST', `${this.url}/api/sites`, { name, origins }, { headers: this.staffHeaders(admin) })).body;
  }

  /** Creates `count` members (password hashing makes this the slow part of setup) and logs each in. */
  async createMembers(admin: StaffSession, count: number, prefix: string): Promise<StaffSession[]> {
    const password = 'bench-member-password-1';
    return mapPool(count, 4, async (i) => {
      const email = `${prefix}-${i}@example.com`;
      await httpOk<User>('POST', `${this.url}/api/users`, { email, name: `Member ${i}`, password, role: 'member' }, { headers: this.staffHeaders(admin) });
      return this.login(email, password, i);
    });
  }

  async visitor(siteKey: string, index: number): Promise<CustomerSession> {
    const res = await httpOk<VisitorSession>('POST', `${this.url}/api/visitor`, { siteKey }, {
      headers: { origin: CUSTOMER_ORIGIN },
      localAddress: loopbackSource(index),
    });
    return { token: res.body.visitorToken, customerId: res.body.customer.id };
  }

  async createTicket(customer: CustomerSession, description: string, index = 0): Promise<Ticket> {
    const body = { category: 'General', urgency: 'medium', description };
    const res = await httpOk<Ticket | { ticket: Ticket }>('POST', `${this.url}/api/tickets`, body, {
      headers: { origin: CUSTOMER_ORIGIN, authorization: `Bearer ${customer.token}` },
      localAddress: loopbackSource(index),
    });
    return 'ticket' in res.body ? res.body.ticket : res.body;
  }

  async accept(member: StaffSession, ticketId: string): Promise<Ticket> {
    const res = await httpOk<Ticket | { ticket: Ticket }>('POST', `${this.url}/api/tickets/${ticketId}/accept`, {}, { headers: this.staffHeaders(member) });
    return 'ticket' in res.body ? res.body.ticket : res.body;
  }

  get wsUrl(): string {
    return `${this.url.replace(/^http/, 'ws')}/ws`;
  }
}
