// Internal notes end to end, in real Chromium against the real server: an agent writes a note with the
// `n` shortcut; the customer's widget (its DOM and every frame on its socket, live and after a reload)
// never sees it nor a gap in the numbering, and the colleague it mentions gets a toast and a drawer entry.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { story } from './support/story.ts';
import type { Site, Ticket } from '../protocol/index.ts';
import { startTestServer, type TestServer } from '../server/testing/test-server.ts';
import { seriousViolations } from './support/axe.ts';
import { launch, publish, shot } from './support/browser.ts';
import { composer, dismissToasts, messageBubble, signIn, waitLive } from './support/console-steps.ts';
import { startHostPage, type HostPage } from './support/host-page.ts';
import { StaffClient } from './support/staff-client.ts';
import * as widget from './support/widget-steps.ts';

const MIA = { email: 'mia.notes@example.test', name: 'Mia Member', password: 'member-password-1' };
const SAM = { email: 'sam.notes@example.test', name: 'Sam Supervisor', password: 'admin-password-1' };
const NOTE = 'Refund approved by finance; @Sam Supervisor please double-check the ledger';
const DESCRIPTION = 'My refund never came through';

describe('internal notes: staff only, end to end', () => {
  const step = story();
  let server: TestServer;
  let host: HostPage;
  let site: Site;
  let browser: Browser;
  let customer: Page;
  let agent: Page;
  let sam: Page;
  let ticket: Ticket;
  /** Every frame the customer's widget socket received, as text. */
  const customerFrames: string[] = [];

  beforeAll(async () => {
    server = await startTestServer();
    const adminApi = await StaffClient.signIn(server.url, server.admin.email, server.admin.password);
    await adminApi.createUser({ ...MIA, role: 'member' });
    await adminApi.createUser({ ...SAM, role: 'admin' });
    host = await startHostPage(() => ({ publicUrl: server.url, siteKey: site.key, snippet: site.snippet }));
    site = await adminApi.createSite('Notes shop', [host.origin]);
    browser = await launch();
    const page = async () => (await browser.newContext({ viewport: { width: 1280, height: 800 }, reducedMotion: 'reduce' })).newPage();
    [customer, agent, sam] = await Promise.all([page(), page(), page()]);
    customer.on('websocket', (ws) => ws.on('framereceived', (f) => customerFrames.push(String(f.payload))));
    await Promise.all([signIn(agent, server.url, MIA.email, MIA.password), signIn(sam, server.url, SAM.email, SAM.password)]);
    await Promise.all([waitLive(agent), waitLive(sam)]);

    await customer.goto(host.url);
    await widget.openWidget(customer);
    await widget.createTicket(customer, { category: 'Billing', urgency: 'High', description: DESCRIPTION });
    await widget.openTicket(customer, DESCRIPTION);
    const memberApi = await StaffClient.signIn(server.url, MIA.email, MIA.password);
    const mine = await memberApi.ok<{ tickets: Ticket[] }>('GET', '/api/tickets?status=open');
    ticket = mine.tickets.find((t) => t.description === DESCRIPTION)!;
    await memberApi.ok('POST', `/api/tickets/${ticket.id}/accept`, {});
  });

  afterAll(async () => {
    await browser?.close();
    await host?.close();
    await server?.close();
  });

  step('an agent writes a note with n; it shows as a note for staff and tells the colleague it names', async () => {
    await agent.goto(`${server.url}/console#/tickets/${ticket.id}`);
    const field = composer(agent).locator('textarea');
    await field.fill('Hello! Let me check your refund.');
    await field.press('Enter');
    await widget.openTicket(customer, DESCRIPTION);
    await customer.getByText('Let me check your refund').waitFor();

    await field.blur();
    await agent.keyboard.press('n');
    const noteField = composer(agent).getByRole('combobox', { name: 'Internal note' });
    await noteField.waitFor();
    await noteField.fill(NOTE);
    await noteField.press('Enter');
    const note = agent.locator('parley-message-list li.note', { hasText: 'Refund approved by finance' });
    await note.waitFor();
    await note.locator('.note-label', { hasText: 'Internal note' }).waitFor();
    expect(await note.getAttribute('data-internal')).toBe('true');

    // The mentioned admin: a toast now, and the note in the notification drawer.
    await sam.locator('parley-toast').getByText('Mia Member mentioned you in a note').waitFor();
    await sam.getByRole('button', { name: /^Notifications, [1-9]/ }).click();
    await sam.getByRole('dialog', { name: 'Notifications' }).getByText('please double-check the ledger').waitFor();

    // Replying again: the customer's next message is number 2, as if no note was written between.
    await composer(agent).getByRole('button', { name: 'Note', pressed: true }).click();
    await composer(agent).getByRole('combobox', { name: 'Message' }).fill('Good news: your refund is on its way.');
    await composer(agent).getByRole('combobox', { name: 'Message' }).press('Enter');
    await customer.getByText('your refund is on its way').waitFor();
    await messageBubble(agent, 'your refund is on its way').waitFor();
    await dismissToasts(agent);
    expect(await seriousViolations(agent)).toEqual([]);
    publish(await shot(agent, 'console-note'), 'console-note.png');
  });

  step('the customer never sees the note: not in the widget, not on its socket, not after a reload', async () => {
    const noteless = async () => {
      const text = await customer.evaluate(() => {
        const walk = (root: Document | ShadowRoot): string => [...root.querySelectorAll('*')].map((el) => (el.shadowRoot ? walk(el.shadowRoot) : '')).join('') + (root instanceof Document ? root.body.innerText : root.textContent ?? '');
        return walk(document);
      });
      expect(text).toContain('your refund is on its way');
      expect(text).not.toContain('Refund approved by finance');
      expect(text).not.toContain('ledger');
    };
    await noteless();
    await customer.reload();
    await widget.openWidget(customer);
    await widget.openTicket(customer, DESCRIPTION);
    await customer.getByText('your refund is on its way').waitFor();
    await noteless();
    const frames = customerFrames.join('\n');
    expect(frames).toContain('your refund is on its way');
    expect(frames).not.toContain('ledger');
    expect(frames).not.toContain('"internal":true');
    expect(frames).not.toContain('"mention"');
    // The seqs the customer got (live and replayed) are 1 and 2, no gap where the note is.
    const seqs = new Set(customerFrames.map((f) => JSON.parse(f)).filter((f) => f.type === 'message' && f.message.ticketId === ticket.id).map((f) => f.message.seq));
    expect([...seqs].sort()).toEqual([1, 2]);
  });
});
