// The widget on the example host page in real Chromium against the real server: axe-core finds no
// serious or critical violation with the widget closed, open, on the form and in a conversation
// (desktop and phone); the rating flow reaches the admin's monitoring; screenshots for the README
// (published to docs/ with PARLEY_UPDATE_DOCS=1).
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Site, Stats, Ticket } from '../protocol/index.ts';
import { startTestServer, type TestServer } from '../server/testing/test-server.ts';
import { seriousViolations } from './support/axe.ts';
import { launch, publish, shot } from './support/browser.ts';
import { startHostPage, type HostPage } from './support/host-page.ts';
import { StaffClient } from './support/staff-client.ts';
import * as widget from './support/widget-steps.ts';

const MEMBER = { email: 'maya@example.test', name: 'Maya Lopez', password: 'member-password-1' };

describe('the widget on a host page', () => {
  let server: TestServer;
  let host: HostPage;
  let site: Site;
  let browser: Browser;
  let admin: StaffClient;
  let member: StaffClient;

  beforeAll(async () => {
    server = await startTestServer();
    admin = await StaffClient.signIn(server.url, server.admin.email, server.admin.password);
    await admin.createUser({ ...MEMBER, role: 'member' });
    member = await StaffClient.signIn(server.url, MEMBER.email, MEMBER.password);
    host = await startHostPage(() => ({ publicUrl: server.url, siteKey: site.key, snippet: site.snippet }));
    site = await admin.createSite('Example shop', [host.origin]);
    browser = await launch();
  });

  afterAll(async () => {
    await browser?.close();
    await host?.close();
    await server?.close();
  });

  const page = async (options: BrowserContextOptions = {}) => (await browser.newContext({ viewport: { width: 1280, height: 800 }, reducedMotion: 'reduce', ...options })).newPage();
  const axe = async (p: Page, state: string) => expect(await seriousViolations(p), state).toEqual([]);

  /** Files a ticket in the widget; the member accepts it and answers. */
  async function conversation(p: Page, description: string): Promise<Ticket> {
    await widget.createTicket(p, { category: 'Billing', urgency: 'High', description });
    await p.getByText(description).first().waitFor();
    const { tickets } = await admin.ok<{ tickets: Ticket[] }>('GET', '/api/tickets?status=open');
    const ticket = tickets.find((t) => t.description === description)!;
    await member.ok('POST', `/api/tickets/${ticket.id}/accept`);
    await member.ok('POST', `/api/tickets/${ticket.id}/messages`, { clientId: `m-${ticket.id}`, body: 'Hi! I am looking at your invoice now, one moment.' });
    await p.getByText('I am looking at your invoice').waitFor();
    return ticket;
  }

  it('passes axe closed, open, on the form and in a conversation, and is rated once closed', async () => {
    const p = await page();
    await p.goto(host.url);
    await p.getByRole('button', { name: 'Support', exact: true }).waitFor();
    await axe(p, 'closed');
    await widget.openWidget(p);
    await axe(p, 'open');
    publish(await shot(p, 'widget-home'), 'widget-home.png');
    await p.getByRole('button', { name: 'New ticket' }).click();
    await p.getByLabel('Description').waitFor();
    await axe(p, 'form');
    // createTicket clicks "New ticket" itself: go back home first.
    await p.getByRole('button', { name: 'Back' }).click();
    const ticket = await conversation(p, 'My invoice shows the wrong VAT number');
    await p.getByRole('textbox', { name: /message/i }).fill('Thanks! It should be DE123456789.');
    await p.getByRole('button', { name: 'Send', exact: true }).click();
    await p.getByText('Seen').or(p.getByText('Sent')).first().waitFor();
    await axe(p, 'conversation');
    publish(await shot(p, 'widget-chat'), 'widget.png');

    await member.ok('POST', `/api/tickets/${ticket.id}/close`);
    const form = p.locator('parley-widget form.rate');
    await form.waitFor();
    await axe(p, 'closed ticket with the rating form');
    await form.getByRole('radio', { name: '5 of 5' }).check({ force: true });
    await form.getByRole('textbox').fill('Quick and kind, thank you');
    publish(await shot(p, 'widget-closed'), 'widget-closed.png');
    await form.getByRole('button', { name: 'Send rating' }).click();
    await p.getByText('You rated this conversation 5 of 5. Thank you!').waitFor();

    // What the customer gave is what the admin's monitoring counts, by member.
    const { csat } = await admin.ok<Stats>('GET', '/api/stats');
    expect(csat.overall).toMatchObject({ ratings: 1, average: 5 });
    expect(csat.byMember.find((g) => g.label === MEMBER.name)).toMatchObject({ ratings: 1, average: 5 });
    // Once: a second rating of the same ticket is refused by the server, and the widget offers none.
    expect(await form.count()).toBe(0);
  });

  it('passes axe on a phone, full screen, and in the dark theme', async () => {
    const phone = await page({ viewport: { width: 375, height: 667 }, isMobile: true, hasTouch: true, colorScheme: 'dark' });
    await phone.goto(host.url);
    await widget.openWidget(phone);
    await axe(phone, 'phone open');
    await conversation(phone, 'Where is my parcel?');
    // The status pill shows on a phone (the launcher's narrow-screen rule no longer hides it).
    await phone.locator('parley-widget .summary .pill').getByText('Assigned').waitFor();
    await axe(phone, 'phone conversation');
    publish(await shot(phone, 'widget-phone-dark'), 'widget-dark.png');
  });

  it('mirrors in Arabic for a visitor whose browser speaks it, and passes axe', async () => {
    const p = await page({ locale: 'ar' });
    await p.goto(host.url);
    // Until the app loads, the launcher's name is the loader's (English or data-title); then it is translated.
    await p.locator('parley-widget .launcher').click();
    const panel = p.getByRole('dialog');
    await panel.waitFor();
    await p.getByRole('button', { name: 'الدعم', exact: true }).first().waitFor();
    expect(await panel.getAttribute('dir')).toBe('rtl');
    await p.getByRole('button', { name: 'تذكرة جديدة' }).click();
    await p.getByLabel('الوصف').waitFor();
    await axe(p, 'Arabic form');
    publish(await shot(p, 'widget-arabic'), 'widget-ar.png');
  });
});
