// Search and the conversations inbox in real Chromium against the real server: an agent finds a
// ticket by a word from its conversation and opens it; the admin pages through every conversation.
// axe-core checks both views.
import { createHmac } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Site, Ticket, User } from '../protocol/index.ts';
import { startTestServer, type TestServer } from '../server/testing/test-server.ts';
import { seriousViolations } from './support/axe.ts';
import { launch, publish, shot } from './support/browser.ts';
import { composer, dismissToasts, messageBubble, signIn, waitLive } from './support/console-steps.ts';
import { CustomerClient } from './support/customer-client.ts';
import { StaffClient } from './support/staff-client.ts';

const ORIGIN = 'http://shop.example.test';

describe('search and the conversations inbox', () => {
  let server: TestServer;
  let browser: Browser;
  let agent: Page;
  let admin: Page;
  let adminApi: StaffClient;
  let member: User;
  let site: Site;
  let found: Ticket;
  let hidden: Ticket;

  beforeAll(async () => {
    server = await startTestServer();
    adminApi = await StaffClient.signIn(server.url, server.admin.email, server.admin.password);
    site = await adminApi.createSite('Search shop', [ORIGIN]);
    member = await adminApi.createUser({ email: 'mia@example.test', name: 'Mia Member', password: 'member-password-1', role: 'member' });
    const memberApi = await StaffClient.signIn(server.url, 'mia@example.test', 'member-password-1');
    const identity = (id: string, name: string) => ({ identity: { id, name, email: `${id}@example.test`, hash: createHmac('sha256', site.secret).update(id).digest('hex') } });
    const lena = await CustomerClient.visit(server.url, ORIGIN, site.key, identity('lena', 'Lena Park'));
    found = await lena.createTicket('My parcel has not arrived', 'high', 'Billing');
    await memberApi.ok('POST', `/api/tickets/${found.id}/accept`, {});
    await lena.request('POST', `/api/tickets/${found.id}/messages`, { clientId: 'e2e-1', body: 'The courier left a note about a damaged kangaroo figurine' });
    await memberApi.ok('POST', `/api/tickets/${found.id}/messages`, { clientId: 'e2e-2', body: 'Sorry to hear that! I will ask the courier.' });
    // Assigned to the admin: the member may not see it, so search must not show it either.
    const other = await CustomerClient.visit(server.url, ORIGIN, site.key, identity('omar', 'Omar Haddad'));
    hidden = await other.createTicket('Another kangaroo question, for the admin', 'low', 'General');
    await adminApi.ok('POST', `/api/tickets/${hidden.id}/accept`, {});
    for (let i = 0; i < 4; i++) await other.createTicket(`Question number ${i} about shipping`, 'medium', 'General');
    browser = await launch();
    const context = () => browser.newContext({ viewport: { width: 1280, height: 720 }, reducedMotion: 'reduce' });
    agent = await (await context()).newPage();
    admin = await (await context()).newPage();
    await signIn(agent, server.url, 'mia@example.test', 'member-password-1');
    await signIn(admin, server.url, server.admin.email, server.admin.password);
    await waitLive(agent);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('an agent presses /, finds the ticket by a word from its conversation, and opens it', async () => {
    await agent.keyboard.press('/');
    const box = agent.getByRole('searchbox', { name: 'Find tickets' });
    expect(await box.evaluate((el) => el === (el.getRootNode() as ShadowRoot).activeElement)).toBe(true);
    await agent.keyboard.type('kangaroos');
    await agent.keyboard.press('Enter');
    await agent.waitForURL(/#\/search\/kangaroos$/);
    const results = agent.getByRole('list', { name: 'Search results' }).getByRole('listitem');
    await agent.getByRole('status').filter({ hasText: '1 result for “kangaroos”' }).waitFor();
    expect(await results.count()).toBe(1);
    expect(await results.first().locator('mark').allTextContents()).toEqual(['kangaroo']);
    expect(await results.first().locator('parley-snippet').evaluate((el) => el.shadowRoot!.textContent)).toContain('damaged kangaroo figurine');
    await dismissToasts(agent);
    expect(await seriousViolations(agent)).toEqual([]);
    publish(await shot(agent, 'console-search'), 'console-search.png');

    await results.first().getByRole('link').click();
    await agent.waitForURL(new RegExp(`#/tickets/${found.id}$`));
    await messageBubble(agent, 'damaged kangaroo figurine').waitFor();
    // Typing `/` in the reply field is text (or the saved-replies list), never the search shortcut.
    const field = composer(agent).locator('textarea');
    await field.click();
    await agent.keyboard.type('a/b');
    expect(await field.inputValue()).toBe('a/b');
    expect(await box.inputValue()).toBe('');
  });

  it('the admin sees every conversation with its last message, filters by member, and opens one', async () => {
    await admin.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'Conversations' }).click();
    await admin.waitForURL(/#\/admin\/inbox$/);
    const rows = admin.getByRole('list', { name: 'Conversations, newest first' }).getByRole('listitem');
    await rows.first().waitFor();
    // Newest activity first: the last ticket opened, then the others; each with its last message.
    expect(await rows.count()).toBe(6);
    expect(await rows.first().textContent()).toContain('Question number 3 about shipping');
    expect(await rows.filter({ hasText: 'Mia Member: Sorry to hear that!' }).count()).toBe(1);
    await dismissToasts(admin);
    expect(await seriousViolations(admin)).toEqual([]);
    publish(await shot(admin, 'console-inbox'), 'console-inbox.png');

    await admin.getByLabel('Member').selectOption(member.id);
    await admin.getByRole('status').filter({ hasText: /^1 conversation$/ }).waitFor();
    await rows.first().getByRole('link').click();
    await admin.waitForURL(new RegExp(`#/tickets/${found.id}$`));
    await messageBubble(admin, 'damaged kangaroo figurine').waitFor();
    await admin.locator('parley-customer-panel').waitFor();
  });

  it('never shows the agent a ticket they may not see', async () => {
    await agent.goto(`${server.url}/console#/search/${hidden.id}`);
    await agent.getByRole('heading', { name: 'No tickets match' }).or(agent.getByText('No tickets match')).first().waitFor();
    const api = await StaffClient.signIn(server.url, 'mia@example.test', 'member-password-1');
    const r = await api.request<{ results: { ticket: Ticket }[] }>('GET', '/api/search?q=kangaroo');
    expect(r.body.results.map((x) => x.ticket.id)).toEqual([found.id]);
  });
});
