// Routing end to end, in real Chromium against the real server: a site in auto mode assigns a ticket
// created in the widget to the member who is online in the console, and the member transfers it to a
// colleague, who chats on with the customer.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { story } from './support/story.ts';
import type { Site, Ticket, User } from '../protocol/index.ts';
import { startTestServer, type TestServer } from '../server/testing/test-server.ts';
import { seriousViolations } from './support/axe.ts';
import { launch, shot } from './support/browser.ts';
import { composer, dismissToasts, messageBubble, signIn, ticketRow, waitLive, waitText } from './support/console-steps.ts';
import { startHostPage, type HostPage } from './support/host-page.ts';
import { StaffClient } from './support/staff-client.ts';
import * as widget from './support/widget-steps.ts';

const MIA = { email: 'mia.routing@example.test', name: 'Mia Router', password: 'member-password-1' };
const TOM = { email: 'tom.routing@example.test', name: 'Tom Taker', password: 'member-password-2' };
const DESCRIPTION = 'The parcel tracking page shows an error';

async function view(page: Page, name: string): Promise<void> {
  await shot(page, name);
  expect(await seriousViolations(page), name).toEqual([]);
}

describe('routing: auto assignment and transfer, end to end', () => {
  const step = story();
  let server: TestServer;
  let host: HostPage;
  let site: Site;
  let browser: Browser;
  let customer: Page;
  let mia: Page;
  let tom: Page;
  let admin: Page;
  let adminApi: StaffClient;
  let tomUser: User;
  let ticket: Ticket;
  /** Every frame the customer's widget socket received, parsed. */
  const customerFrames: { type: string; ticket?: Ticket }[] = [];

  /** Resolves once the server has `user` at `status` (the console's socket and picker change it). */
  const statusIs = async (user: { email: string }, status: string) => {
    for (;;) {
      const { users } = await adminApi.ok<{ users: User[] }>('GET', '/api/users');
      if (users.find((u) => u.email === user.email)?.status === status) return;
      await new Promise((r) => setTimeout(r, 50));
    }
  };

  beforeAll(async () => {
    server = await startTestServer();
    adminApi = await StaffClient.signIn(server.url, server.admin.email, server.admin.password);
    await adminApi.createUser({ ...MIA, role: 'member' });
    tomUser = await adminApi.createUser({ ...TOM, role: 'member' });
    host = await startHostPage(() => ({ publicUrl: server.url, siteKey: site.key, snippet: site.snippet }));
    site = await adminApi.createSite('Routed shop', [host.origin]);
    browser = await launch();
    const page = async () => (await browser.newContext({ viewport: { width: 1280, height: 800 }, reducedMotion: 'reduce' })).newPage();
    [customer, mia, tom, admin] = await Promise.all([page(), page(), page(), page()]);
    customer.on('websocket', (ws) => ws.on('framereceived', (f) => customerFrames.push(JSON.parse(String(f.payload)))));
  });

  afterAll(async () => {
    await browser?.close();
    await host?.close();
    await server?.close();
  });

  step('an admin turns on auto routing on the sites page, sees capacity on the members page, and makes a team', async () => {
    await signIn(admin, server.url, server.admin.email, server.admin.password);
    await admin.goto(`${server.url}/console#/admin/sites`);
    const routing = admin.getByLabel('Routing of Routed shop');
    await routing.selectOption('auto');
    for (;;) {
      const { sites } = await adminApi.ok<{ sites: Site[] }>('GET', '/api/sites');
      if (sites.find((s) => s.id === site.id)?.routing === 'auto') break;
      await new Promise((r) => setTimeout(r, 50));
    }
    await view(admin, 'console-sites-routing');
    await admin.goto(`${server.url}/console#/admin/members`);
    await admin.getByLabel(/Capacity of Mia Router/).waitFor();
    await view(admin, 'console-members-capacity');
    // A team takes the Technical category; Mia is in it.
    await admin.goto(`${server.url}/console#/admin/teams`);
    const form = admin.locator('parley-teams form');
    await form.getByLabel('Name').fill('Tech desk');
    await form.getByLabel('Mia Router').check();
    await form.getByLabel('Technical').check();
    await form.getByRole('button', { name: 'Create team' }).click();
    await admin.locator('parley-teams tr[data-team="Tech desk"]').waitFor();
    await view(admin, 'console-teams');
    // The admin's open console made them available too: they go offline, so routing skips them.
    await admin.getByLabel('My availability').selectOption('offline');
    await statusIs(server.admin, 'offline');
  });

  step('a team member online in the console gets the widget\'s new ticket at once; the customer sees who', async () => {
    await Promise.all([signIn(mia, server.url, MIA.email, MIA.password), signIn(tom, server.url, TOM.email, TOM.password)]);
    await Promise.all([waitLive(mia), waitLive(tom)]);
    await statusIs(MIA, 'online');
    await statusIs(TOM, 'online');
    // Mia's open tickets offer her team's first.
    await mia.locator('parley-queue').getByLabel('My teams first').waitFor();
    // Tom steps away with the header's picker (routing would skip him anyway: Technical is Mia's team's).
    await tom.getByLabel('My availability').selectOption('away');
    await statusIs(TOM, 'away');
    expect(await mia.getByLabel('My availability').inputValue()).toBe('online');

    await customer.goto(host.url);
    await widget.openWidget(customer);
    await widget.createTicket(customer, { category: 'Technical', urgency: 'Medium', description: DESCRIPTION });
    await widget.openTicket(customer, DESCRIPTION);
    await customer.getByText('Assigned', { exact: true }).first().waitFor();
    const accepted = customerFrames.find((f) => f.type === 'ticket_accepted' && f.ticket?.description === DESCRIPTION);
    expect(accepted).toMatchObject({ auto: true, ticket: { status: 'assigned', assignee: { name: MIA.name } } });
    ticket = accepted!.ticket!;

    // Mia's console tells her, shows it among her tickets (not in the open queue), and opens it from there.
    await waitText(mia, /Assigned to you: .* · Technical/);
    await mia.goto(`${server.url}/console#/mine`);
    await ticketRow(mia, DESCRIPTION).click();
    await mia.locator('parley-chat-view parley-ticket-details [data-status=assigned]').waitFor();
    await composer(mia).locator('textarea').fill('Hi, Mia here. Looking at the tracking page now.');
    await composer(mia).locator('textarea').press('Enter');
    await customer.getByText('Looking at the tracking page now').waitFor();
    await dismissToasts(mia);
    await view(mia, 'console-ticket-transfer-controls');
  });

  step('the member transfers it to a colleague, who chats on; the customer learns the new name', async () => {
    await mia.getByLabel('Transfer to').selectOption(tomUser.id);
    await mia.getByRole('button', { name: 'Transfer', exact: true }).click();
    await waitText(mia, 'Transferred to Tom Taker.');
    await ticketRow(mia, DESCRIPTION).waitFor({ state: 'detached' });

    // The customer's socket carries the new assignee's name.
    await expect.poll(() => customerFrames.find((f) => f.type === 'ticket_updated' && f.ticket?.id === ticket.id)?.ticket?.assignee?.name).toBe(TOM.name);

    // Tom's console tells him and has it among his tickets at once; he opens it and writes.
    await waitText(tom, /Transferred to you: .* · Technical/);
    await tom.goto(`${server.url}/console#/mine`);
    await ticketRow(tom, DESCRIPTION).click();
    await messageBubble(tom, 'Looking at the tracking page now').waitFor();
    await composer(tom).locator('textarea').fill('Tom here, I took over: the fix is live, please reload.');
    await composer(tom).locator('textarea').press('Enter');
    await customer.getByText('the fix is live, please reload').waitFor();
    await widget.send(customer, 'It works now, thanks Tom!');
    await messageBubble(tom, 'It works now, thanks Tom!').waitFor();
    expect(await messageBubble(mia, 'It works now').count()).toBe(0);
    const events = await adminApi.ok<{ events: { action: string; actor: { kind: string } }[] }>('GET', `/api/tickets/${ticket.id}/events`);
    expect(events.events.map((e) => `${e.action}:${e.actor.kind}`)).toEqual(['create:customer', 'accept:system', 'transfer:member']);
  });
});
