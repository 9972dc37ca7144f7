// Attachments end to end, in real Chromium against the real server: a customer pastes a screenshot
// into the widget on the host page and sends it; the agent sees its thumbnail in the console (laid
// out from its size before it loads), opens it in the lightbox (axe finds nothing serious with it
// open; Escape closes it and focus returns to the thumbnail), and replies with a PDF picked with the
// paperclip; the customer downloads it in the widget and gets the PDF's bytes.
import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { story } from './support/story.ts';
import type { MessagePage, Site, Ticket } from '../protocol/index.ts';
import { startTestServer, type TestServer } from '../server/testing/test-server.ts';
import { seriousViolations } from './support/axe.ts';
import { launch, publish, shot } from './support/browser.ts';
import { composer, dismissToasts, signIn, waitLive } from './support/console-steps.ts';
import { invoicePdf, stripedPng } from './support/files.ts';
import { startHostPage, type HostPage } from './support/host-page.ts';
import { StaffClient } from './support/staff-client.ts';
import * as widget from './support/widget-steps.ts';

const MIA = { email: 'mia.files@example.test', name: 'Mia Member', password: 'member-password-1' };
const DESCRIPTION = 'The checkout shows an error';
const SCREENSHOT = stripedPng(960, 540);
const PDF = invoicePdf();

/** The focused element, looking through shadow roots. */
const focused = (page: Page) => page.evaluate(() => {
  let el = document.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  return el?.textContent?.trim() || el?.getAttribute('aria-label');
});

describe('attachments: a pasted screenshot in, a PDF out, end to end', () => {
  const step = story();
  let server: TestServer;
  let host: HostPage;
  let site: Site;
  let browser: Browser;
  let agent: Page;
  let customer: Page;
  let memberApi: StaffClient;
  let ticket: Ticket;

  beforeAll(async () => {
    server = await startTestServer();
    const adminApi = await StaffClient.signIn(server.url, server.admin.email, server.admin.password);
    await adminApi.createUser({ ...MIA, role: 'member' });
    host = await startHostPage(() => ({ publicUrl: server.url, siteKey: site.key, snippet: site.snippet }));
    site = await adminApi.createSite('Files shop', [host.origin]);
    browser = await launch();
    const page = async () => (await browser.newContext({ viewport: { width: 1280, height: 800 }, reducedMotion: 'reduce' })).newPage();
    [agent, customer] = await Promise.all([page(), page()]);
    await signIn(agent, server.url, MIA.email, MIA.password);
    await waitLive(agent);

    await customer.goto(host.url);
    await widget.openWidget(customer);
    await widget.createTicket(customer, { category: 'Billing', urgency: 'High', description: DESCRIPTION });
    await widget.openTicket(customer, DESCRIPTION);
    memberApi = await StaffClient.signIn(server.url, MIA.email, MIA.password);
    ticket = (await memberApi.ok<{ tickets: Ticket[] }>('GET', '/api/tickets?status=open')).tickets.find((t) => t.description === DESCRIPTION)!;
    await memberApi.ok('POST', `/api/tickets/${ticket.id}/accept`, {});
  });

  afterAll(async () => {
    await browser?.close();
    await host?.close();
    await server?.close();
  });

  step('the customer pastes a screenshot into the widget and sends it', async () => {
    const field = widget.messageField(customer);
    await field.waitFor();
    // What a browser hands the page for a pasted screenshot: a nameless image.png on the clipboard.
    await field.evaluate((el, b64) => {
      const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const data = new DataTransfer();
      data.items.add(new File([bytes], 'image.png', { type: 'image/png' }));
      el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, SCREENSHOT.toString('base64'));
    // Uploaded: the tray offers to remove it (not to cancel it).
    await customer.getByRole('button', { name: 'Remove screenshot.png' }).waitFor();
    await widget.send(customer, 'This is what I see');
    await customer.getByRole('button', { name: 'Open screenshot.png full size' }).waitFor();
    const stored = (await memberApi.ok<MessagePage>('GET', `/api/tickets/${ticket.id}/messages?after=0`)).messages;
    expect(stored.map((m) => [m.body, m.attachments?.map((a) => [a.name, a.type, a.width, a.height])])).toEqual([['This is what I see', [['screenshot.png', 'image/png', 960, 540]]]]);
  });

  step('the agent sees its thumbnail, laid out from its size, and opens it in the lightbox', async () => {
    await agent.goto(`${server.url}/console#/tickets/${ticket.id}`);
    const thumb = agent.getByRole('button', { name: 'Open image screenshot.png' });
    await thumb.waitFor();
    const img = thumb.locator('img');
    expect([await img.getAttribute('width'), await img.getAttribute('height')]).toEqual(['240', '135']);
    await expect.poll(() => img.evaluate((i: HTMLImageElement) => i.complete && i.naturalWidth)).toBe(960);
    const box = await img.boundingBox();
    expect([Math.round(box!.width), Math.round(box!.height)]).toEqual([240, 135]);

    await thumb.click();
    const dialog = agent.getByRole('dialog', { name: 'Image screenshot.png' });
    await dialog.waitFor();
    await expect.poll(() => dialog.locator('img').evaluate((i: HTMLImageElement) => i.naturalWidth)).toBe(960);
    expect(await focused(agent)).toBe('Close');
    expect(await seriousViolations(agent)).toEqual([]);
    await shot(agent, 'console-lightbox');
    await agent.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => thumb.evaluate((b) => b.matches(':focus'))).toBe(true);
  });

  step('the agent replies with a PDF picked with the paperclip (offline first: it says so, Retry sends it); the customer downloads it in the widget, byte for byte', async () => {
    await agent.context().setOffline(true);
    const chooser = agent.waitForEvent('filechooser');
    await composer(agent).getByRole('button', { name: 'Attach files' }).click();
    await (await chooser).setFiles({ name: 'invoice.pdf', mimeType: 'application/pdf', buffer: PDF });
    await composer(agent).locator('li[data-state=failed]', { hasText: 'invoice.pdf' }).getByText(/offline/).waitFor();
    await agent.context().setOffline(false);
    await waitLive(agent);
    await composer(agent).getByRole('button', { name: 'Retry invoice.pdf' }).click();
    await composer(agent).locator('li[data-state=done]', { hasText: 'invoice.pdf' }).waitFor();
    expect(await seriousViolations(agent)).toEqual([]);
    const field = composer(agent).getByRole('combobox', { name: 'Message' });
    await field.fill('Here is your invoice');
    await field.press('Enter');
    const row = agent.locator('parley-message-list li', { hasText: 'Here is your invoice' }).locator('parley-attachment');
    await row.getByRole('link', { name: 'Download invoice.pdf' }).waitFor();
    await row.getByText(`PDF · ${PDF.length} B`).waitFor();
    await dismissToasts(agent);
    publish(await shot(agent, 'console-attachments'), 'console-attachments.png');

    await customer.getByText('Here is your invoice').waitFor();
    const link = customer.getByRole('link', { name: /invoice\.pdf/ });
    const download = customer.waitForEvent('download');
    await link.click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('invoice.pdf');
    expect((await readFile((await file.path())!)).equals(PDF)).toBe(true);
  });
});
