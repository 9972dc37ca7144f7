import { beforeAll, describe, expect, it } from 'vitest';
import { RESUME_LINK_MS } from '../mail/resume-link.ts';
import type { Message, Site, Ticket } from '../../protocol/index.ts';
import { ApiClient, type cast } from '../testing/api.ts';
import { useMailServer } from '../testing/mail-server.ts';
import { pdf } from '../testing/files.ts';
import { upload } from '../testing/upload.ts';
import type { SmtpReceiver } from '../testing/smtp-receiver.ts';
import type { TestServer } from '../testing/test-server.ts';


let smtp: SmtpReceiver;
let server: TestServer;
let c: Awaited<ReturnType<typeof cast>>;
const mail = useMailServer();
beforeAll(() => void ({ smtp, server, c } = mail));

const setSite = (patch: Record<string, unknown>) => c.adminApi.patch<Site>(`/api/sites/${c.site.id}`, patch);
const visitor = () => ApiClient.visitor(server.url, c.site.key, c.origin);
const open = (api: ApiClient, extra: Record<string, unknown> = {}) =>
  api.post<Ticket>('/api/tickets', { category: 'Billing', urgency: 'high', description: 'My order never arrived', ...extra });
const emailOf = async (t: Ticket) => (await c.adminApi.get<{ customer: { email: string | null } }>(`/api/customers/${t.customer.id}`)).body.customer.email;
const mailsOf = (t: Ticket, kind: string) => server.services.db.sql(`select 1 from mail_outbox where ticket_id = ? and kind = ?`, [t.id, kind]);

describe('the ticket form\'s email (site askEmail)', () => {
  it('is a validated site setting the widget reads', async () => {
    expect((await setSite({ askEmail: 'sometimes' })).status).toBe(400);
    expect((await c.member.patch(`/api/sites/${c.site.id}`, { askEmail: 'required' })).status).toBe(403);
    expect((await setSite({ askEmail: 'required' })).body.askEmail).toBe('required');
    const customer = await visitor();
    expect((await customer.get('/api/site')).body.askEmail).toBe('required');
  });

  it('requires an email when the site says so, checks it, and stores it on the customer', async () => {
    await setSite({ askEmail: 'required' });
    const customer = await visitor();
    const missing: { status: number; body: any } = await open(customer);
    expect(missing.status).toBe(400);
    expect(missing.body.error.message).toContain('email');
    expect((await open(customer, { email: 'not an email' })).status).toBe(400);
    expect((await open(customer, { email: 'x'.repeat(400) + '@shop.test' })).status).toBeGreaterThanOrEqual(400);
    const made = await open(customer, { email: 'Lena@Shop.test' });
    expect(made.status).toBe(201);
    expect(await emailOf(made.body)).toBe('lena@shop.test');
    // Known now: the next ticket needs none.
    expect((await open(customer)).status).toBe(201);
  });

  it('ignores an email when the site does not ask, and takes none when optional', async () => {
    await setSite({ askEmail: 'off' });
    const a = await visitor();
    const t = (await open(a, { email: 'ignored@shop.test' })).body;
    expect(await emailOf(t)).toBeNull();
    await setSite({ askEmail: 'optional' });
    expect((await open(await visitor())).status).toBe(201);
  });
});

describe('transcript on close', () => {
  /** A ticket chatted on, with an internal note, then closed by the member. */
  async function closed(customer: ApiClient, extra: Record<string, unknown>) {
    const t = (await open(customer, extra)).body;
    await c.member.post(`/api/tickets/${t.id}/accept`);
    await customer.post(`/api/tickets/${t.id}/messages`, { clientId: 'c1', body: 'It was due Monday' });
    await c.member.post<Message>(`/api/tickets/${t.id}/messages`, { clientId: 'm1', body: 'It ships today' });
    await c.member.post(`/api/tickets/${t.id}/messages`, { clientId: 'n1', body: 'SECRET note: courier lost it', internal: true });
    expect((await c.member.post(`/api/tickets/${t.id}/close`)).status).toBe(200);
    return t;
  }

  it('mails the whole public conversation when the customer asked, never the notes', async () => {
    await setSite({ askEmail: 'optional', transcripts: false });
    const t = await closed(await visitor(), { email: 'tina@shop.test', transcript: true });
    await smtp.until(() => smtp.delivered.some((d) => d.mail.subject === 'Your conversation: Billing'));
    const { mail, raw } = smtp.delivered.find((d) => d.mail.subject === 'Your conversation: Billing')!;
    expect(mail.to && 'text' in mail.to ? mail.to.text : '').toBe('tina@shop.test');
    expect(mail.text).toContain('My order never arrived');
    expect(mail.text).toContain('It was due Monday');
    expect(mail.text).toContain('It ships today');
    expect(mail.text).toContain('Mia Member');
    expect(raw).not.toContain('SECRET');
    expect((await mailsOf(t, 'transcript')).length).toBe(1);
  });

  it('lists the files sent in the conversation by name, each with a link that downloads it for as long as a resume link works', async () => {
    await setSite({ askEmail: 'optional', transcripts: false });
    const customer = await visitor();
    const t = (await open(customer, { email: 'fia@shop.test', transcript: true })).body;
    await c.member.post(`/api/tickets/${t.id}/accept`);
    const f = (await upload(customer, t.id, pdf(), 'receipt-42.pdf')).body;
    expect((await customer.post(`/api/tickets/${t.id}/messages`, { clientId: 'f1', body: '', attachments: [f.id] })).status).toBe(201);
    expect((await c.member.post(`/api/tickets/${t.id}/close`)).status).toBe(200);
    await smtp.until(() => smtp.delivered.some((d) => d.mail.text?.includes('receipt-42.pdf')));
    const { mail } = smtp.delivered.find((d) => d.mail.text?.includes('receipt-42.pdf'))!;
    const link = new URL(/📎 receipt-42\.pdf: (\S+)/.exec(mail.text!)![1]!);
    expect(link.pathname).toBe(`/api/attachments/${f.id}`);
    // Signed for at least the 7 days of a resume link, not the hour of a URL handed to an open page.
    expect(Number(link.searchParams.get('exp')) * 1000).toBeGreaterThan(Date.now() + RESUME_LINK_MS - 60_000);
    const got = await fetch(new URL(link.pathname + link.search, server.url));
    expect(got.status).toBe(200);
    expect(Buffer.from(await got.arrayBuffer()).equals(pdf())).toBe(true);
    link.searchParams.set('exp', String(Number(link.searchParams.get('exp')) + 1));
    expect((await fetch(new URL(link.pathname + link.search, server.url))).status).toBe(403);
  });

  it('mails none when nobody asked, or without an email; and every one when the site enables it', async () => {
    await setSite({ askEmail: 'optional', transcripts: false });
    const quiet = await closed(await visitor(), { email: 'quiet@shop.test' });
    const noEmail = await closed(await visitor(), { transcript: true });
    expect(await mailsOf(quiet, 'transcript')).toEqual([]);
    expect(await mailsOf(noEmail, 'transcript')).toEqual([]);
    await setSite({ transcripts: true });
    const all = await closed(await visitor(), { email: 'all@shop.test' });
    expect((await mailsOf(all, 'transcript')).length).toBe(1);
  });
});
