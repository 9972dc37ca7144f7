// Attachments end to end, in real Chromium against the real server: a customer sends a screenshot, the
// agent sees its thumbnail in the console (laid out before it loads), opens it in the lightbox (axe
// finds nothing serious with it open; Escape closes it and focus returns), and replies with a PDF
// picked with the paperclip; the customer downloads the PDF and gets the same bytes.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Message, MessagePage, Site, Ticket } from '../protocol/index.ts';
import { startTestServer, type TestServer } from '../server/testing/test-server.ts';
import { seriousViolations } from './support/axe.ts';
import { launch, shot } from './support/browser.ts';
import { composer, signIn, waitLive } from './support/console-steps.ts';
import { CustomerClient } from './support/customer-client.ts';
import { invoicePdf, stripedPng } from './support/files.ts';
import { startHostPage, type HostPage } from './support/host-page.ts';
import { StaffClient } from './support/staff-client.ts';

const MIA = { email: 'mia.files@example.test', name: 'Mia Member', password: 'member-password-1' };
const DESCRIPTION = 'The checkout shows an error';
const SCREENSHOT = stripedPng(960, 540);
const PDF = invoicePdf();

describe('attachments: a screenshot in, a PDF out, end to end', () => {
  let server: TestServer;
  let host: HostPage;
  let site: Site;
  let browser: Browser;
  let agent: Page;
  let customer: CustomerClient;
  let ticket: Ticket;

  beforeAll(async () => {
    server = await startTestServer();
    const adminApi = await StaffClient.signIn(server.url, server.admin.email, server.admin.password);
    await adminApi.createUser({ ...MIA, role: 'member' });
    host = await startHostPage(() => ({ publicUrl: server.url, siteKey: site.key, snippet: site.snippet }));
    site = await adminApi.createSite('Files shop', [host.origin]);
    browser = await launch();
    agent = await (await browser.newContext({ viewport: { width: 1280, height: 800 }, reducedMotion: 'reduce' })).newPage();
    await signIn(agent, server.url, MIA.email, MIA.password);
    await waitLive(agent);
    customer = await CustomerClient.visit(server.url, host.origin, site.key);
    ticket = await customer.createTicket(DESCRIPTION, 'high', 'Billing');
    const memberApi = await StaffClient.signIn(server.url, MIA.email, MIA.password);
    await memberApi.ok('POST', `/api/tickets/${ticket.id}/accept`, {});
  });

  afterAll(async () => {
    await browser?.close();
    await host?.close();
    await server?.close();
  });

  it('the customer sends a screenshot', async () => {
    const shotFile = await customer.upload(ticket.id, SCREENSHOT, 'screenshot.png', 'image/png');
    const sent = await customer.request<Message>('POST', `/api/tickets/${ticket.id}/messages`, { clientId: 'shot-1', body: 'This is what I see', attachments: [shotFile.id] });
    expect(sent.status).toBe(201);
  });

  it('the agent sees its thumbnail, laid out from its size, and opens it in the lightbox', async () => {
    await agent.goto(`${server.url}/console#/tickets/${ticket.id}`);
    const thumb = agent.getByRole('button', { name: 'Open image screenshot.png' });
    await thumb.waitFor();
    const img = thumb.locator('img');
    expect([await img.getAttribute('width'), await img.getAttribute('height')]).toEqual(['220', '124']);
    await expect.poll(() => img.evaluate((i: HTMLImageElement) => i.complete && i.naturalWidth)).toBe(960);
    const box = await img.boundingBox();
    expect([Math.round(box!.width), Math.round(box!.height)]).toEqual([220, 124]);

    await thumb.click();
    const dialog = agent.getByRole('dialog', { name: 'Image screenshot.png' });
    await dialog.waitFor();
    await expect.poll(() => dialog.locator('img').evaluate((i: HTMLImageElement) => i.naturalWidth)).toBe(960);
    expect(await agent.evaluate(() => {
      let el = document.activeElement;
      while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
      return el?.textContent;
    })).toBe('Close');
    expect(await seriousViolations(agent)).toEqual([]);
    await shot(agent, 'console-lightbox');
    await agent.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => thumb.evaluate((b) => b.matches(':focus'))).toBe(true);
  });

  it('the agent replies with a PDF picked with the paperclip; the customer downloads the same bytes', async () => {
    const chooser = agent.waitForEvent('filechooser');
    await composer(agent).getByRole('button', { name: 'Attach files' }).click();
    await (await chooser).setFiles({ name: 'invoice.pdf', mimeType: 'application/pdf', buffer: PDF });
    await composer(agent).locator('li[data-state=done]', { hasText: 'invoice.pdf' }).waitFor();
    const field = composer(agent).getByRole('combobox', { name: 'Message' });
    await field.fill('Here is your invoice');
    await field.press('Enter');
    const row = agent.locator('parley-message-list li', { hasText: 'Here is your invoice' }).locator('parley-attachment');
    await row.getByRole('link', { name: 'Download invoice.pdf' }).waitFor();
    await row.getByText(`PDF · ${PDF.length} B`).waitFor();
    await shot(agent, 'console-attachments');

    // The customer's side: the reply carries the file; its capability URL downloads the PDF's bytes.
    await expect.poll(async () => (await customer.request<MessagePage>('GET', `/api/tickets/${ticket.id}/messages?after=0`)).body.messages.length).toBe(2);
    const reply = (await customer.request<MessagePage>('GET', `/api/tickets/${ticket.id}/messages?after=0`)).body.messages[1]!;
    expect(reply.body).toBe('Here is your invoice');
    expect(reply.attachments?.map((a) => [a.name, a.type, a.size])).toEqual([['invoice.pdf', 'application/pdf', PDF.length]]);
    const res = await fetch(server.url + reply.attachments![0]!.url);
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="invoice.pdf"/);
    expect(Buffer.from(await res.arrayBuffer()).equals(PDF)).toBe(true);
  });
});
