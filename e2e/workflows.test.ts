// The seed's four workflows end to end, in real Chromium against the real server: the widget on a host
// page (its own origin) and the console served by the server (another origin).
import type { Browser, Page, WebSocketRoute } from 'playwright-core';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { story } from './support/story.ts';
import type { Site, Ticket } from '../protocol/index.ts';
import { startTestServer, type TestServer } from '../server/testing/test-server.ts';
import { seriousViolations } from './support/axe.ts';
import { launch, publish, shot } from './support/browser.ts';
import { dismissToasts, messageBubble, signIn, ticketRow, waitLive, waitText } from './support/console-steps.ts';
import { startHostPage, type HostPage } from './support/host-page.ts';
import { StaffClient } from './support/staff-client.ts';
import * as widget from './support/widget-steps.ts';

const MEMBER = { email: 'mia@example.test', name: 'Mia Member', password: 'member-password-1' };
const OTHER = { email: 'sam@example.test', name: 'Sam Slow', password: 'member-password-2' };
const FIRST = 'My card was charged twice for order 1042';
const SECOND = 'Can you build me a website for free?';

/** A console view: its screenshot, and axe-core finds no serious or critical violation on it. */
async function view(page: Page, name: string): Promise<string> {
  const path = await shot(page, name);
  expect(await seriousViolations(page), name).toEqual([]);
  return path;
}

describe('support workflows: widget on a host page, console on the server', () => {
  const step = story();
  let server: TestServer;
  let host: HostPage;
  let site: Site;
  let browser: Browser;
  let customer: Page;
  let member: Page;
  let other: Page;
  /** While true, `ticket_accepted` frames never reach Sam's console, so his table is stale. */
  let holdAccepts = false;
  /** Mia's socket as it passes through the test, so it can be cut; while `memberOffline`, reconnects fail. */
  let memberLink: { page: WebSocketRoute; server: WebSocketRoute } | null = null;
  let memberOffline = false;
  let admin: Page;
  let adminApi: StaffClient;
  let ticket: Ticket;

  beforeAll(async () => {
    server = await startTestServer();
    adminApi = await StaffClient.signIn(server.url, server.admin.email, server.admin.password);
    await adminApi.createUser({ ...MEMBER, role: 'member' });
    await adminApi.createUser({ ...OTHER, role: 'member' });
    host = await startHostPage(() => ({ publicUrl: server.url, siteKey: site.key, snippet: site.snippet }));
    site = await adminApi.createSite('Example shop', [host.origin]);
    browser = await launch();
    const page = async () => (await browser.newContext({ viewport: { width: 1366, height: 768 }, reducedMotion: 'reduce' })).newPage();
    [customer, member, admin, other] = await Promise.all([page(), page(), page(), page()]);
    await member.routeWebSocket(/\/ws$/, (ws) => {
      if (memberOffline) return void ws.close();
      memberLink = { page: ws, server: ws.connectToServer() };
    });
    await other.routeWebSocket(/\/ws$/, (ws) => {
      const upstream = ws.connectToServer();
      ws.onMessage((m) => upstream.send(m));
      upstream.onMessage((m) => {
        if (!(holdAccepts && String(m).includes('"ticket_accepted"'))) ws.send(m);
      });
    });
  });

  afterAll(async () => {
    await browser?.close();
    await host?.close();
    await server?.close();
  });

  step('a member signs in to the console and sees an empty, live queue', async () => {
    await signIn(member, server.url, MEMBER.email, MEMBER.password);
    await waitLive(member);
    await waitText(member, 'All caught up');
    await view(member, 'console-empty-queue');
  });

  step('a customer creates a ticket in the widget and the member sees it arrive, with a notification', async () => {
    await customer.goto(host.url);
    await widget.openWidget(customer);
    await shot(customer, 'widget-open');
    await widget.createTicket(customer, { category: 'Billing', urgency: 'High', description: FIRST });
    await customer.getByText(FIRST).first().waitFor();
    await shot(customer, 'widget-ticket-created');

    const row = ticketRow(member, FIRST);
    await row.waitFor();
    expect(await row.locator('.badge').first().textContent()).toBe('high');
    await member.getByRole('button', { name: 'Notifications, 1 unread' }).waitFor();
    await view(member, 'console-ticket-arrived');
    await member.getByRole('button', { name: 'Notifications, 1 unread' }).click();
    await member.getByRole('dialog', { name: 'Notifications' }).getByText('New high ticket').waitFor();
    await view(member, 'console-notification-drawer');
    await member.keyboard.press('Escape');

    const list = await adminApi.ok<{ tickets: Ticket[] }>('GET', '/api/tickets?status=open');
    ticket = list.tickets.find((t) => t.description === FIRST)!;
    expect(ticket).toBeTruthy();
  });

  step('the member accepts it and the customer sees the status change; a late accept is told so', async () => {
    await signIn(other, server.url, OTHER.email, OTHER.password);
    await ticketRow(other, FIRST).waitFor();
    holdAccepts = true;
    await ticketRow(member, FIRST).getByRole('button', { name: /^Accept/ }).click();
    await member.locator('parley-chat-view parley-ticket-details [data-status=assigned]').waitFor();
    expect(member.url()).toContain(`#/tickets/${ticket.id}`);
    // The details panel knows where the customer wrote from: the widget sent its page, the server the browser.
    const panel = member.locator('parley-customer-panel');
    await panel.locator(`a[href="${host.url}"]`).waitFor();
    expect(await panel.locator(`a[href="${host.url}"]`).textContent()).toBe(await customer.title());
    await panel.getByText(/Chrome [\d.]+ on Linux/).waitFor();
    await panel.getByText('Online now').waitFor();
    await widget.openTicket(customer, FIRST);
    await customer.getByText('Assigned', { exact: true }).first().waitFor();
    await shot(customer, 'widget-ticket-assigned');

    // Sam never heard of the accept: his click is refused in plain words and the row goes away.
    await ticketRow(other, FIRST).getByRole('button', { name: /^Accept/ }).click();
    await waitText(other, /Too late: another member already took care of this ticket/);
    await ticketRow(other, FIRST).waitFor({ state: 'detached' });
    await view(other, 'console-late-accept');
    holdAccepts = false;
  });

  step('they chat both ways in real time, with read receipts', async () => {
    // Accepting put the cursor in the reply field: the member just types.
    await member.keyboard.type('Hi! Sorry about that — I am looking at order 1042 now.');
    await customer.getByText(/Mia Member is typing/).waitFor();
    await member.keyboard.press('Enter');
    await customer.getByText('I am looking at order 1042 now').waitFor();
    await widget.messageField(customer).fill('Thank you!');
    await member.getByText(/is typing…/).waitFor();
    await view(member, 'console-customer-typing');
    await widget.send(customer, 'Thank you! <b>It was 2 × €49</b>');
    const reply = messageBubble(member, 'It was 2 × €49');
    await reply.waitFor();
    // Customer text stays text in the console.
    expect(await reply.locator('b').count()).toBe(0);
    expect(await reply.locator('.bubble').textContent()).toBe('Thank you! <b>It was 2 × €49</b>');
    await member.locator('parley-message-list [data-state=read]').first().waitFor();
    await dismissToasts(member);
    publish(await view(member, 'console-chat'), 'console.png');
    await shot(customer, 'widget-chat');
  });

  step('the member\'s console reconnects and resumes: nothing missed, nothing doubled', async () => {
    memberOffline = true;
    await memberLink!.server.close();
    await memberLink!.page.close();
    await waitText(member, 'Reconnecting…');
    await widget.send(customer, 'Are you still there?');
    await customer.getByText('Are you still there?').waitFor();
    await view(member, 'console-reconnecting');
    memberOffline = false;
    await waitLive(member);
    await messageBubble(member, 'Are you still there?').waitFor();
    expect(await messageBubble(member, 'Are you still there?').count()).toBe(1);
    expect(await member.locator('parley-message-list li[data-seq]').count()).toBe(3);
    await member.getByLabel('Message', { exact: true }).fill('Yes — refund is on its way.');
    await member.keyboard.press('Enter');
    await customer.getByText('refund is on its way').waitFor();
    expect(await customer.getByText('refund is on its way').count()).toBe(1);
  });

  step('the member answers with a saved reply: / opens the list, Enter fills in the placeholders', async () => {
    await adminApi.ok('POST', '/api/canned-responses', { shortcut: 'refund', title: 'Refund on its way', body: 'Thanks {{customer.name}}, {{agent.name}} here: the refund for ticket {{ticket.id}} is booked.', scope: 'team' });
    // The composer loaded the replies with the conversation: reload it to pick up the new one.
    await member.reload();
    const field = member.getByLabel('Message', { exact: true });
    await field.click();
    await member.keyboard.type('/ref');
    await member.getByRole('listbox', { name: 'Saved replies' }).getByRole('option', { name: /refund/ }).waitFor();
    publish(await view(member, 'console-saved-reply-list'), 'console-saved-replies.png');
    await member.keyboard.press('Enter');
    const filled = `Thanks ${await member.locator('parley-chat-view h1').evaluate((h) => h.textContent!.split(' · ')[0])}, ${MEMBER.name} here: the refund for ticket ${ticket.id} is booked.`;
    expect(await field.inputValue()).toBe(filled);
    await member.keyboard.press('Enter');
    await customer.getByText(filled).waitFor();
  });

  step('the member labels the ticket; the label shows in the tables and filters them', async () => {
    const editor = member.locator('parley-label-editor');
    await editor.getByLabel('Add a label').fill('refund double-charge');
    await editor.getByRole('button', { name: 'Add', exact: true }).click();
    await editor.getByRole('button', { name: 'Remove label double-charge' }).waitFor();
    publish(await view(member, 'console-labels'), 'console-conversation.png');
    const stored = await adminApi.ok<{ tickets: Ticket[] }>('GET', '/api/tickets?label=refund');
    expect(stored.tickets.map((t) => t.id)).toEqual([ticket.id]);
    await editor.getByRole('button', { name: 'Remove label double-charge' }).click();
    await editor.getByRole('button', { name: 'Remove label double-charge' }).waitFor({ state: 'detached' });
    expect((await adminApi.ok<{ tickets: Ticket[] }>('GET', '/api/tickets?label=double-charge')).tickets).toEqual([]);
  });

  step('"My tickets" counts unread messages live, and opening the chat reads them', async () => {
    await member.getByRole('link', { name: /^My tickets/ }).click();
    const row = ticketRow(member, FIRST);
    await row.waitFor();
    await widget.send(customer, 'One more detail: I paid by card.');
    await row.getByLabel('1 unread').waitFor();
    await member.getByRole('link', { name: /^My tickets/ }).getByText('1').waitFor();
    await view(member, 'console-my-tickets-unread');
    await row.getByRole('button', { name: /^Open chat/ }).click();
    await messageBubble(member, 'I paid by card').waitFor();
    await member.getByRole('link', { name: 'My tickets', exact: true }).waitFor();
  });

  step('the member closes it: both sides see the chat disabled and the server refuses one more message', async () => {
    await member.getByRole('button', { name: 'Close ticket' }).click();
    await member.getByRole('button', { name: 'Yes, close ticket' }).click();
    await member.locator('parley-ticket-details [data-status=closed]').waitFor();
    await waitText(member, 'This ticket is closed. The conversation is read-only.');
    expect(await member.getByLabel('Message', { exact: true }).count()).toBe(0);
    await view(member, 'console-closed');

    // The widget's wording may change; its status pill and the missing composer are the contract.
    await customer.getByText('Closed', { exact: true }).first().waitFor();
    await waitText(customer, /ticket is closed/);
    expect(await widget.messageField(customer).count()).toBe(0);
    await shot(customer, 'widget-closed');

    // The member's browser, over the console's own socket session.
    const frame = await member.evaluate(
      (id) =>
        new Promise<{ type: string; code?: string }>((resolve) => {
          const ws = new WebSocket(`${location.origin.replace('http', 'ws')}/ws`);
          ws.onmessage = (e) => {
            const f = JSON.parse(e.data);
            if (f.type === 'ready') ws.send(JSON.stringify({ type: 'message', ticketId: id, clientId: 'after-close-1', body: 'one more thing', ref: 'late' }));
            else if (f.ref === 'late') {
              resolve(f);
              ws.close();
            }
          };
        }),
      ticket.id,
    );
    expect(frame).toMatchObject({ type: 'error', code: 'invalid_state' });

    // The customer, over HTTP with the widget's own visitor token.
    const token = await customer.evaluate((key) => {
      const k = Object.keys(localStorage).find((name) => name.includes(key) && /token/i.test(name));
      return k ? localStorage.getItem(k) : null;
    }, site.key);
    expect(token).toBeTruthy();
    const res = await fetch(`${server.url}/api/tickets/${ticket.id}/messages`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', origin: host.origin },
      body: JSON.stringify({ clientId: 'after-close-2', body: 'hello?' }),
    });
    expect(res.status).toBe(409);
    expect((await res.json()).error.code).toBe('invalid_state');
  });

  step('a rejection with a reason reaches the customer, and the ticket leaves every member\'s queue', async () => {
    await signIn(admin, server.url, server.admin.email, server.admin.password);
    await waitLive(admin);
    await customer.getByRole('button', { name: 'Back' }).click();
    await member.getByRole('link', { name: /^Open tickets/ }).click();
    await widget.createTicket(customer, { category: 'General', urgency: 'Low', description: SECOND });
    await ticketRow(member, SECOND).waitFor();
    await ticketRow(admin, SECOND).waitFor();

    await ticketRow(member, SECOND).getByRole('button', { name: /^Reject/ }).click();
    const dialog = member.getByRole('dialog', { name: 'Reject this ticket?' });
    await dialog.getByLabel('Reason (optional)').fill('We only support orders from our shop.');
    await view(member, 'console-reject-dialog');
    await dialog.getByRole('button', { name: 'Reject ticket' }).click();
    await ticketRow(member, SECOND).waitFor({ state: 'detached' });
    await ticketRow(admin, SECOND).waitFor({ state: 'detached' });

    await waitText(customer, 'We only support orders from our shop.');
    await customer.getByText('Rejected', { exact: true }).first().waitFor();
    await shot(customer, 'widget-rejected');
  });

  step('an admin finds the closed conversation among all tickets and reads it', async () => {
    await admin.getByRole('link', { name: 'All tickets' }).click();
    await admin.getByLabel('Status').selectOption('closed');
    await admin.getByRole('searchbox', { name: 'Search' }).fill('order 1042');
    const row = ticketRow(admin, FIRST);
    await row.waitFor();
    await admin.getByLabel('Label').selectOption('refund');
    await row.getByText('refund', { exact: true }).waitFor();
    expect(await admin.locator('parley-ticket-table tbody tr').count()).toBe(1);
    await view(admin, 'console-admin-all-tickets');
    await row.getByRole('button', { name: /^View/ }).click();
    await messageBubble(admin, 'It was 2 × €49').waitFor();
    await messageBubble(admin, 'I am looking at order 1042 now').waitFor();
    await admin.locator('parley-ticket-details').getByText('Accepted').waitFor();
    await waitText(admin, 'This ticket is closed. The conversation is read-only.');
    await view(admin, 'console-admin-conversation');
  });

  step('the admin pages show monitoring, members and sites', async () => {
    await admin.getByRole('link', { name: 'Monitoring' }).click();
    await admin.locator('parley-monitoring .figure').first().waitFor();
    await waitText(admin, 'Healthy');
    await view(admin, 'console-monitoring');
    await admin.getByRole('link', { name: 'Members' }).click();
    await admin.locator('parley-members tr[data-user="mia@example.test"]').waitFor();
    const form = admin.getByRole('form', { name: 'Add a member' });
    await form.getByLabel('Name').fill('Noah New');
    await form.getByLabel('Email').fill('noah@example.test');
    await form.getByRole('button', { name: 'Create account' }).click();
    const noah = admin.locator('parley-members tr[data-user="noah@example.test"]');
    await noah.waitFor();
    await noah.getByRole('button', { name: 'Deactivate Noah New' }).click();
    await noah.getByText('deactivated').waitFor();
    const users = await adminApi.ok<{ users: { email: string; active: boolean }[] }>('GET', '/api/users');
    expect(users.users.find((u) => u.email === 'noah@example.test')?.active).toBe(false);
    await view(admin, 'console-members');

    // Deactivating a signed-in member ends their console session at once.
    await admin.locator('parley-members tr[data-user="sam@example.test"]').getByRole('button', { name: 'Deactivate Sam Slow' }).click();
    await other.getByRole('button', { name: 'Sign in' }).waitFor();
    await waitText(other, 'Your session has ended. Please sign in again.');
    await view(other, 'console-session-ended');

    await admin.getByRole('link', { name: 'Team replies' }).click();
    await admin.locator('parley-canned-responses tr[data-shortcut="refund"]').waitFor();
    await view(admin, 'console-team-replies');

    await admin.getByRole('link', { name: 'Sites' }).click();
    const card = admin.locator(`parley-sites [data-site="${site.key}"]`);
    await card.waitFor();
    await card.getByRole('button', { name: 'Reveal' }).click();
    const before = await card.locator('dd code').textContent();
    expect(before).toBe(site.secret);
    admin.once('dialog', (d) => void d.accept());
    await card.getByRole('button', { name: 'Rotate' }).click();
    await card.locator('dd code').filter({ hasNotText: site.secret }).waitFor();
    expect(await card.locator('pre').textContent()).toContain(site.key);
    await view(admin, 'console-sites');
  });

  step('the console stays usable at tablet width', async () => {
    await member.setViewportSize({ width: 820, height: 1180 });
    await member.goto(`${server.url}/console#/tickets/${ticket.id}`);
    await messageBubble(member, 'It was 2 × €49').waitFor();
    await view(member, 'console-tablet-conversation');
    await member.getByRole('link', { name: /^Open tickets/ }).click();
    await waitText(member, 'All caught up');
    await member.keyboard.press('Tab');
    await view(member, 'console-tablet-queue');
    await member.getByRole('link', { name: 'My replies' }).click();
    const form = member.getByRole('form', { name: 'New reply' });
    await form.getByLabel(/^Shortcut/).fill('sig');
    await form.getByLabel('Title').fill('Signature');
    await form.getByLabel(/^Text/).fill('Best regards, {{agent.name}}');
    await form.getByRole('button', { name: 'Save reply' }).click();
    await member.locator('parley-canned-responses tr[data-shortcut="sig"]').waitFor();
    await view(member, 'console-my-replies');
  });

  step('the member signs out and the console asks for a sign-in again', async () => {
    await member.getByRole('button', { name: 'Sign out' }).click();
    await member.getByRole('button', { name: 'Sign in' }).waitFor();
    await member.reload();
    await member.getByRole('button', { name: 'Sign in' }).waitFor();
    await view(member, 'console-sign-in');
  });
});
