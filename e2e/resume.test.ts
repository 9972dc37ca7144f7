// The customer who left, end to end: a staff reply goes unread, the mail reaches a real SMTP server in
// the test process, and its resume link opens the host page in a fresh browser (no storage, another
// "device") with the widget on that conversation, where the customer answers and the agent sees it.
// The link reaches that ticket only (the customer's other ticket is neither listed nor readable with
// the widget's token); a tampered or an expired link opens nothing of the customer's and says the
// link is not valid (every path of the single-ticket rule is server/test/resume-link.test.ts).
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Message, Site, Ticket } from '../protocol/index.ts';
import { TEST_MAIL } from '../server/testing/mail-server.ts';
import { startSmtpReceiver, type SmtpReceiver } from '../server/testing/smtp-receiver.ts';
import { startTestServer, type TestServer } from '../server/testing/test-server.ts';
import { tokenId } from '../server/services/tokens.ts';
import { seriousViolations } from './support/axe.ts';
import { launch } from './support/browser.ts';
import { CustomerClient } from './support/customer-client.ts';
import { startHostPage, type HostPage } from './support/host-page.ts';
import { StaffClient } from './support/staff-client.ts';
import * as widget from './support/widget-steps.ts';

const EMAIL = 'lena.resume@shop.test';
const DESCRIPTION = 'Where is my parcel 4471?';
const REPLY = 'It left our warehouse this morning, here is the tracking number: 1Z999';
const OTHER = 'A second question, about invoice 9001';

describe('resume link from an email, in a fresh browser', () => {
  let smtp: SmtpReceiver;
  let server: TestServer;
  let host: HostPage;
  let site: Site;
  let browser: Browser;
  let member: StaffClient;
  let ticket: Ticket;
  let other: Ticket;
  let link: URL;

  const freshPage = async (): Promise<Page> => (await browser.newContext({ viewport: { width: 1280, height: 800 }, reducedMotion: 'reduce' })).newPage();

  /** A refused link: the widget opens and says why, with nothing of the customer's, and the token leaves the address. */
  async function expectRefused(url: URL): Promise<void> {
    const page = await freshPage();
    await page.goto(url.href);
    await page.getByRole('dialog').waitFor();
    await page.getByText(/not valid/i).first().waitFor();
    expect(await page.getByText(REPLY).count()).toBe(0);
    expect(await page.getByText(DESCRIPTION).count()).toBe(0);
    await expect.poll(() => page.url()).not.toContain('parley_resume');
    await page.context().close();
  }

  beforeAll(async () => {
    smtp = await startSmtpReceiver();
    // 0.6 s: an unread reply is mailed almost at once.
    server = await startTestServer({ config: { mail: { ...TEST_MAIL, smtpUrl: smtp.url, emailAfterMs: 600 } } });
    const admin = await StaffClient.signIn(server.url, server.admin.email, server.admin.password);
    await admin.createUser({ email: 'mia.resume@example.test', name: 'Mia Member', password: 'member-password-1', role: 'member' });
    member = await StaffClient.signIn(server.url, 'mia.resume@example.test', 'member-password-1');
    host = await startHostPage(() => ({ publicUrl: server.url, siteKey: site.key, snippet: site.snippet }));
    site = await admin.createSite('Resume shop', [host.origin]);
    await admin.ok('PATCH', `/api/sites/${site.id}`, { askEmail: 'optional' });
    browser = await launch();

    // The customer wrote from the shop's page (as the widget does: its page goes with the visit), then left.
    const customer = await CustomerClient.visit(server.url, host.origin, site.key, { context: { pageUrl: `${host.url}?order=4471` } });
    const created = await customer.request<Ticket>('POST', '/api/tickets', { category: 'General', urgency: 'medium', description: DESCRIPTION, email: EMAIL });
    expect(created.status).toBe(201);
    ticket = created.body;
    // Another ticket of the same customer, which the link must not reach.
    other = (await customer.request<Ticket>('POST', '/api/tickets', { category: 'General', urgency: 'low', description: OTHER })).body;
    await member.ok('POST', `/api/tickets/${ticket.id}/accept`, {});
    await member.ok<Message>('POST', `/api/tickets/${ticket.id}/messages`, { clientId: 'reply-1', body: REPLY });

    await smtp.until(() => smtp.delivered.some((d) => d.mail.to && 'text' in d.mail.to && d.mail.to.text === EMAIL));
    const mail = smtp.delivered.find((d) => d.mail.to && 'text' in d.mail.to && d.mail.to.text === EMAIL)!.mail;
    expect(mail.text).toContain(REPLY);
    link = new URL(/https?:\/\/\S+parley_resume=[\w-]+/.exec(mail.text!)![0]);
  });

  afterAll(async () => {
    await browser?.close();
    await host?.close();
    await server?.close();
    await smtp?.close();
  });

  it('opens the widget on the conversation, takes the token out of the address, and the customer answers', async () => {
    expect(link.origin + link.pathname).toBe(host.url);
    expect(link.searchParams.get('order')).toBe('4471');
    const page = await freshPage();
    await page.goto(link.href);
    // No click: the link opens the panel on the conversation, with the unread reply.
    await page.getByRole('dialog').waitFor();
    await page.getByText(REPLY).waitFor();
    await page.getByText(DESCRIPTION).first().waitFor();
    // The address keeps the page's own parameters, not the token (a copied URL carries no access).
    await expect.poll(() => page.url()).not.toContain('parley_resume');
    expect(new URL(page.url()).searchParams.get('order')).toBe('4471');
    expect(await seriousViolations(page)).toEqual([]);
    // The link reaches that ticket only: the customer's other ticket is not listed, and the widget's
    // token is refused for it on every path the browser can take.
    const refused = await page.evaluate(async ({ key, api, id }) => {
      const token = localStorage.getItem(`parley:${key}:token`);
      const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
      const read = await fetch(`${api}/api/tickets/${id}/messages`, { headers });
      const send = await fetch(`${api}/api/tickets/${id}/messages`, { method: 'POST', headers, body: JSON.stringify({ clientId: 'x-1', body: 'sneaky' }) });
      return [read.status, send.status];
    }, { key: site.key, api: server.url, id: other.id });
    expect(refused).toEqual([404, 404]);

    await widget.send(page, 'Thanks, found it!');
    await expect.poll(async () => (await member.ok<{ messages: Message[] }>('GET', `/api/tickets/${ticket.id}/messages`)).messages.map((m) => m.body)).toContain('Thanks, found it!');

    // After a reload (the token is gone from the address) the same browser still has the conversation.
    await page.reload();
    await widget.openWidget(page);
    await page.getByText(DESCRIPTION).first().waitFor();
    expect(await page.getByText(OTHER).count()).toBe(0);
    await widget.openTicket(page, DESCRIPTION);
    await page.getByText('Thanks, found it!').waitFor();
    await page.context().close();
  });

  it('refuses a tampered link: nothing of the customer shows, the widget says why and still works', async () => {
    const tampered = new URL(link);
    const token = tampered.searchParams.get('parley_resume')!;
    tampered.searchParams.set('parley_resume', (token[0] === 'A' ? 'B' : 'A') + token.slice(1));
    await expectRefused(tampered);
  });

  it('refuses the link once it has expired', async () => {
    const token = link.searchParams.get('parley_resume')!;
    await server.services.db.sql(`update resume_tokens set expires_at = now() - interval '1 second' where id = ?`, [tokenId(token)]);
    await expectRefused(link);
  });
});
