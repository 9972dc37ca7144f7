// Attachments in the widget on the example host page, in real Chromium against the real server:
// the customer picks files (one refused), a member answers with an image and a PDF; axe-core finds
// no serious or critical violation with the tray, the thumbnails and file rows, and the lightbox
// open; screenshots for the README (published to docs/ with PARLEY_UPDATE_DOCS=1).
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Site, Ticket } from '../protocol/index.ts';
import { ApiClient } from '../server/testing/api.ts';
import { pdf } from '../server/testing/files.ts';
import { startTestServer, type TestServer } from '../server/testing/test-server.ts';
import { upload } from '../server/testing/upload.ts';
import { seriousViolations } from './support/axe.ts';
import { launch, publish, shot } from './support/browser.ts';
import { startHostPage, type HostPage } from './support/host-page.ts';
import * as widget from './support/widget-steps.ts';

const MEMBER = { email: 'maya@example.test', name: 'Maya Lopez', password: 'member-password-1' };

describe('attachments in the widget on a host page', () => {
  let server: TestServer;
  let host: HostPage;
  let site: Site;
  let browser: Browser;
  let admin: ApiClient;
  let member: ApiClient;

  beforeAll(async () => {
    server = await startTestServer();
    admin = await ApiClient.staff(server.url, server.admin.email, server.admin.password);
    expect((await admin.post('/api/users', { ...MEMBER, role: 'member' })).status).toBe(201);
    member = await ApiClient.staff(server.url, MEMBER.email, MEMBER.password);
    host = await startHostPage(() => ({ publicUrl: server.url, siteKey: site.key, snippet: site.snippet }));
    site = (await admin.post<Site>('/api/sites', { name: 'Example shop', origins: [host.origin] })).body;
    browser = await launch();
  });

  afterAll(async () => {
    await browser?.close();
    await host?.close();
    await server?.close();
  });

  const axe = async (p: Page, state: string) => expect(await seriousViolations(p), state).toEqual([]);

  it('passes axe with the tray, thumbnails, file rows and the lightbox', async () => {
    const p = await (await browser.newContext({ viewport: { width: 1280, height: 800 }, reducedMotion: 'reduce' })).newPage();
    await p.goto(host.url);
    await widget.openWidget(p);
    await widget.createTicket(p, { category: 'Billing', urgency: 'High', description: 'The invoice total looks wrong' });
    await p.getByText('The invoice total looks wrong').first().waitFor();
    const { tickets } = (await admin.get<{ tickets: Ticket[] }>('/api/tickets?status=open')).body;
    const ticket = tickets[0]!;
    expect((await member.post(`/api/tickets/${ticket.id}/accept`)).status).toBe(200);

    // A real image for the thumbnail: a picture of the host page itself.
    const picture = await p.screenshot({ clip: { x: 0, y: 0, width: 480, height: 300 } });
    const ups = await Promise.all([upload(member, ticket.id, picture, 'total.png'), upload(member, ticket.id, pdf(), 'invoice-2041.pdf')]);
    expect(ups.map((u) => u.status)).toEqual([201, 201]);
    expect((await member.post(`/api/tickets/${ticket.id}/messages`, { clientId: 'files-1', body: 'Here is the corrected invoice.', attachments: ups.map((u) => u.body.id) })).status).toBe(201);
    const thumb = p.getByRole('button', { name: 'Open total.png full size' });
    await thumb.waitFor();
    expect(await thumb.locator('img').getAttribute('width')).toBe('240');
    await p.getByRole('link', { name: /invoice-2041\.pdf/ }).waitFor();

    // The customer attaches a PDF (it goes up) and a file of a refused type (the tray says why).
    await p.locator('parley-widget').locator('.composer input[type=file]').setInputFiles([
      { name: 'receipt.pdf', mimeType: 'application/pdf', buffer: pdf('receipt') },
      { name: 'setup.exe', mimeType: 'application/octet-stream', buffer: Buffer.concat([Buffer.from('MZ'), Buffer.alloc(300)]) },
    ]);
    await p.getByRole('button', { name: 'Remove receipt.pdf' }).waitFor();
    await p.getByText('This type of file cannot be sent.').waitFor();
    await axe(p, 'conversation with files and the tray');
    publish(await shot(p, 'widget-attachments'), 'widget-attachments.png');

    await thumb.click();
    const close = p.getByRole('dialog', { name: 'total.png' }).getByRole('button', { name: 'Close' });
    await close.waitFor();
    await axe(p, 'lightbox');
    publish(await shot(p, 'widget-lightbox'), 'widget-lightbox.png');
    await p.keyboard.press('Escape');
    await close.waitFor({ state: 'detached' });
    expect(await thumb.evaluate((el) => (el.getRootNode() as ShadowRoot).activeElement === el)).toBe(true);
    await p.close();
  });
});
