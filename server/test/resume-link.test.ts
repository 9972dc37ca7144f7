import { beforeAll, describe, expect, it } from 'vitest';
import type { Message, Site, Ticket, VisitorSession } from '../../protocol/index.ts';
import { ApiClient, TestSocket, type cast } from '../testing/api.ts';
import { deliveredTo, useMailServer } from '../testing/mail-server.ts';
import type { SmtpReceiver } from '../testing/smtp-receiver.ts';
import type { TestServer } from '../testing/test-server.ts';

let smtp: SmtpReceiver;
let server: TestServer;
let c: Awaited<ReturnType<typeof cast>>;
const mail = useMailServer({ emailAfterMs: 600 });
beforeAll(() => void ({ smtp, server, c } = mail));

const open = (api: ApiClient, description: string, extra: Record<string, unknown> = {}) =>
  api.post<Ticket>('/api/tickets', { category: 'Billing', urgency: 'high', description, ...extra });

/** An anonymous customer on a shop page who left an email with ticket A, and has ticket B too; A got a reply by mail. */
async function mailed() {
  await c.adminApi.patch(`/api/sites/${c.site.id}`, { askEmail: 'optional' });
  const email = `anon-${Math.random().toString(36).slice(2)}@shop.test`;
  const original = await ApiClient.visitor(server.url, c.site.key, c.origin, { context: { pageUrl: 'https://shop.test/orders/7?tab=help' } });
  const a = (await open(original, 'ticket A', { email })).body;
  const b = (await open(original, 'ticket B')).body;
  await c.member.post(`/api/tickets/${a.id}/accept`);
  await c.member.post<Message>(`/api/tickets/${a.id}/messages`, { clientId: `r-${email}`, body: 'Reply on A' });
  await smtp.until(() => deliveredTo(smtp, email).length === 1);
  const text = deliveredTo(smtp, email)[0]!.mail.text!;
  const link = new URL(/https:\/\/shop\.test\/orders\/7\?\S+/.exec(text)![0]);
  return { original, a, b, link, token: link.searchParams.get('parley_resume')! };
}

/** What the widget's loader does with the link, in a browser that never saw the customer. */
const resume = (token: string, siteKey = c.site.key) =>
  new ApiClient(server.url, { origin: c.origin }).post<VisitorSession>('/api/visitor', { siteKey, resumeToken: token });

async function scopedClient(token: string) {
  const r = await resume(token);
  expect(r.status).toBe(200);
  const api = new ApiClient(server.url, { origin: c.origin });
  api.token = r.body.visitorToken;
  return { api, session: r.body };
}

describe('resume links', () => {
  it('opens the ticket\'s page with a token, and the token opens that ticket as its customer, anonymous too', async () => {
    const { original, a, link, token } = await mailed();
    expect(link.searchParams.get('tab')).toBe('help');
    expect(token).toMatch(/^[\w-]{43}$/);
    const { api, session } = await scopedClient(token);
    expect(session.ticketId).toBe(a.id);
    expect(session.customer.id).toBe(original.session.customer.id);
    expect(session.visitorToken).not.toBe(original.token);
    expect((await api.get<Ticket>(`/api/tickets/${a.id}`)).status).toBe(200);
    const history = await api.get<{ messages: Message[] }>(`/api/tickets/${a.id}/messages`);
    expect(history.body.messages.map((m) => m.body)).toContain('Reply on A');
    expect((await api.post(`/api/tickets/${a.id}/messages`, { clientId: 'from-link', body: 'Thanks!' })).status).toBe(201);
    expect((await api.post(`/api/tickets/${a.id}/read`, { seq: 1 })).status).toBe(200);
    // The site answers; the same token again gives the same one-ticket session.
    expect((await api.get('/api/site')).status).toBe(200);
    const again = await api.post<VisitorSession>('/api/visitor', { siteKey: c.site.key, visitorToken: api.token });
    expect(again.body).toMatchObject({ visitorToken: api.token, ticketId: a.id });
  });

  it('keeps the customer\'s own full session in their own browser, and never hands out another visitor\'s', async () => {
    const { original, a, b, token } = await mailed();
    const own = await new ApiClient(server.url, { origin: c.origin }).post<VisitorSession>('/api/visitor', { siteKey: c.site.key, visitorToken: original.token, resumeToken: token });
    expect(own.status).toBe(200);
    expect(own.body).toMatchObject({ visitorToken: original.token, ticketId: a.id });
    // Both conversations stay reachable with it.
    expect((await original.get<{ tickets: Ticket[] }>('/api/tickets')).body.tickets.map((t) => t.id).sort()).toEqual([a.id, b.id].sort());
    // Someone else's token beside the link: the link's own one-ticket token, not theirs, and not the customer's.
    const stranger = await ApiClient.visitor(server.url, c.site.key, c.origin);
    const other = await new ApiClient(server.url, { origin: c.origin }).post<VisitorSession>('/api/visitor', { siteKey: c.site.key, visitorToken: stranger.token, resumeToken: token });
    expect(other.body.ticketId).toBe(a.id);
    expect([stranger.token, original.token]).not.toContain(other.body.visitorToken);
    // A bad link with a good token beside it is still refused.
    const bad = await new ApiClient(server.url, { origin: c.origin }).post('/api/visitor', { siteKey: c.site.key, visitorToken: original.token, resumeToken: 'x'.repeat(43) });
    expect(bad.status).toBe(401);
  });

  it('reaches no other ticket and nothing else over HTTP', async () => {
    const { b, a, token } = await mailed();
    const { api } = await scopedClient(token);
    expect((await api.get<{ tickets: Ticket[] }>('/api/tickets')).body.tickets.map((t) => t.id)).toEqual([a.id]);
    expect((await api.get(`/api/tickets/${b.id}`)).status).toBe(404);
    expect((await api.get(`/api/tickets/${b.id}/messages`)).status).toBe(404);
    expect((await api.post(`/api/tickets/${b.id}/messages`, { clientId: 'x', body: 'into B' })).status).toBe(404);
    expect((await api.post(`/api/tickets/${b.id}/read`, { seq: 1 })).status).toBe(404);
    expect((await open(api, 'a new one')).status).toBe(403);
    expect((await api.get(`/api/customers/${a.customer.id}`)).status).toBe(403);
    expect((await api.get('/api/search?q=ticket')).status).toBe(403);
    // It cannot sign in as someone (which would move the customer's tickets).
    const identify = await api.post('/api/visitor', { siteKey: c.site.key, visitorToken: api.token, identity: { id: 'evil', hash: 'x'.repeat(64) } });
    expect(identify.status).toBe(403);
  });

  it('reaches no other ticket over the socket: join, send, and events of the customer\'s other tickets', async () => {
    const { original, a, b, token } = await mailed();
    const { api } = await scopedClient(token);
    const scoped = await TestSocket.visitor(server.url, api);
    const whole = await TestSocket.visitor(server.url, original);
    try {
      expect((await scoped.request({ type: 'join', ticketId: a.id, after: 0 })).type).toBe('ack');
      const joinB = await scoped.request({ type: 'join', ticketId: b.id, after: 0 });
      expect(joinB).toMatchObject({ type: 'error', code: 'not_found' });
      expect(await scoped.request({ type: 'message', ticketId: b.id, clientId: 'sock-b', body: 'into B' })).toMatchObject({ type: 'error', code: 'not_found' });
      expect(await scoped.request({ type: 'typing', ticketId: b.id })).toMatchObject({ type: 'error', code: 'not_found' });
      // The customer opens ticket C in their own browser: that socket hears of it, the link's does not.
      const created = (await open(original, 'ticket C')).body;
      await whole.next((f) => f.type === 'ticket_created' && f.ticket.id === created.id);
      await scoped.request({ type: 'ping' });
      expect(scoped.frames.some((f) => 'ticket' in f && (f as { ticket: Ticket }).ticket.id !== a.id)).toBe(false);
    } finally {
      scoped.close();
      whole.close();
    }
  });

  it('refuses an expired, a tampered or another site\'s token', async () => {
    const { token } = await mailed();
    const tampered = token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A');
    expect((await resume(tampered)).status).toBe(401);
    const other = (await c.adminApi.post<Site>('/api/sites', { name: 'Other', origins: [c.origin] })).body;
    expect((await resume(token, other.key)).status).toBe(401);
    await server.services.db.sql(`update resume_tokens set expires_at = now() - interval '1 second'`);
    const expired = await resume(token);
    expect(expired.status).toBe(401);
    expect((expired.body as unknown as { error: { code: string } }).error.code).toBe('unauthorized');
  });
});
