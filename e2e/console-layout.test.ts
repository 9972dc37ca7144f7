// The console at the widths support teams use, by keyboard, and in the tab title: real Chromium
// against the real server, tickets made through the public API.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Site, Ticket } from '../protocol/index.ts';
import { startTestServer, type TestServer } from '../server/testing/test-server.ts';
import { seriousViolations } from './support/axe.ts';
import { launch, shot } from './support/browser.ts';
import { signIn, ticketRow, waitLive } from './support/console-steps.ts';
import { CustomerClient } from './support/customer-client.ts';
import { StaffClient } from './support/staff-client.ts';

const ORIGIN = 'http://shop.example.test';
const LONG = 'My order arrived damaged and the replacement I was promised last week never came, please help me sort this out soon';

describe('the console at every width, by keyboard, with the unread count in the tab', () => {
  let server: TestServer;
  let browser: Browser;
  let admin: Page;
  let adminApi: StaffClient;
  let site: Site;
  let customer: CustomerClient;
  const tickets: Ticket[] = [];

  beforeAll(async () => {
    server = await startTestServer();
    adminApi = await StaffClient.signIn(server.url, server.admin.email, server.admin.password);
    site = await adminApi.createSite('Layout shop', [ORIGIN]);
    customer = await CustomerClient.visit(server.url, ORIGIN, site.key);
    for (const u of ['urgent', 'high', 'low'] as const) tickets.push(await customer.createTicket(`${u}: ${LONG}`, u, 'Technical'));
    browser = await launch();
    admin = await (await browser.newContext({ viewport: { width: 1280, height: 800 }, reducedMotion: 'reduce' })).newPage();
    await signIn(admin, server.url, server.admin.email, server.admin.password);
    await waitLive(admin);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** True when every Accept and Reject button is inside the window and the table does not scroll sideways. */
  async function actionsFit(page: Page) {
    return page.evaluate(() => {
      const table = document.querySelector('parley-app')!.shadowRoot!.querySelector('parley-queue')!.shadowRoot!.querySelector('parley-ticket-table')!.shadowRoot!;
      const wrap = table.querySelector('.wrap')!;
      const buttons = [...table.querySelectorAll('tbody button')];
      return {
        buttons: buttons.length,
        scrolls: wrap.scrollWidth > wrap.clientWidth,
        outside: buttons.filter((b) => b.getBoundingClientRect().right > innerWidth || b.getBoundingClientRect().left < 0).length,
      };
    });
  }

  for (const width of [1280, 1024]) {
    it(`shows Accept and Reject without sideways scrolling at ${width} px`, async () => {
      await admin.setViewportSize({ width, height: 800 });
      await admin.goto(`${server.url}/console#/open`);
      await ticketRow(admin, 'urgent:').waitFor();
      expect(await actionsFit(admin)).toEqual({ buttons: 6, scrolls: false, outside: 0 });
      await shot(admin, `console-queue-${width}`);
    });
  }

  it('at 768 px the top nav never leaves one item alone on a row', async () => {
    await admin.setViewportSize({ width: 768, height: 1000 });
    await admin.goto(`${server.url}/console#/open`);
    await ticketRow(admin, 'urgent:').waitFor();
    const rows = await admin.evaluate(() => {
      const nav = document.querySelector('parley-app')!.shadowRoot!.querySelector('parley-nav')!.shadowRoot!;
      const items = [...nav.querySelectorAll('.brand, a, .me')].filter((e) => e.getBoundingClientRect().width > 0);
      // Items whose vertical centres lie within 16 px of each other share a row.
      const centres = items.map((e) => e.getBoundingClientRect().top + e.getBoundingClientRect().height / 2).sort((a, b) => a - b);
      const rows: number[][] = [];
      for (const c of centres) {
        const row = rows.at(-1);
        if (row && c - row[0]! < 16) row.push(c);
        else rows.push([c]);
      }
      return rows.map((r) => r.length);
    });
    await shot(admin, 'console-nav-768');
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.filter((n) => n === 1)).toEqual([]);
    expect(await actionsFit(admin)).toMatchObject({ scrolls: false, outside: 0 });
    await shot(admin, 'console-nav-768');
  });

  it('moves with j/k, opens with Enter, lists shortcuts with ?, and ignores keys typed in a field', async () => {
    await admin.setViewportSize({ width: 1280, height: 800 });
    await admin.goto(`${server.url}/console#/open`);
    await ticketRow(admin, 'urgent:').waitFor();
    await admin.keyboard.press('j');
    await admin.keyboard.press('j');
    await admin.keyboard.press('k');
    await ticketRow(admin, 'urgent:').and(admin.locator('tr.selected')).waitFor();
    await admin.keyboard.press('?');
    const dialog = admin.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await dialog.waitFor();
    expect(await seriousViolations(admin)).toEqual([]);
    await shot(admin, 'console-shortcuts');
    await admin.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    await admin.keyboard.press('Enter');
    await admin.waitForURL(new RegExp(`#/tickets/${tickets[0]!.id}$`));
    await admin.locator('parley-ticket-details [data-status=open]').waitFor();

    // In the admin list's search field, j and Enter are text, not shortcuts.
    await admin.goto(`${server.url}/console#/admin/tickets`);
    const search = admin.getByRole('searchbox', { name: 'Search' });
    await search.fill('');
    await search.press('j');
    await search.press('Enter');
    expect(await search.inputValue()).toBe('j');
    expect(admin.url()).toContain('#/admin/tickets');
    expect(await admin.locator('parley-ticket-table tr.selected').count()).toBe(0);
  });

  it('a whole row opens its ticket, and `a` accepts the ticket shown', async () => {
    await admin.goto(`${server.url}/console#/open`);
    await ticketRow(admin, 'low:').locator('td.age').click();
    await admin.waitForURL(new RegExp(`#/tickets/${tickets[2]!.id}$`));
    await admin.locator('parley-ticket-details [data-status=open]').waitFor();
    await admin.keyboard.press('a');
    await admin.locator('parley-ticket-details [data-status=assigned]').waitFor();
  });

  it('the closed-ticket notice is fully visible even on a short tablet screen', async () => {
    await adminApi.ok('POST', `/api/tickets/${tickets[1]!.id}/accept`, {});
    await adminApi.ok('POST', `/api/tickets/${tickets[1]!.id}/close`, {});
    for (const [width, height] of [[768, 560], [1024, 600], [1280, 700]] as const) {
      await admin.setViewportSize({ width, height });
      await admin.goto(`${server.url}/console#/tickets/${tickets[1]!.id}`);
      const notice = admin.getByText('This ticket is closed. The conversation is read-only.');
      await notice.waitFor();
      const box = (await notice.boundingBox())!;
      expect(box.y + box.height, `${width}x${height}`).toBeLessThanOrEqual(height);
      expect(box.y).toBeGreaterThanOrEqual(0);
    }
    await shot(admin, 'console-closed-notice-768');
  });

  it('counts unread in the tab title and the favicon, so an agent on another tab sees it', async () => {
    await admin.setViewportSize({ width: 1280, height: 800 });
    await admin.goto(`${server.url}/console#/open`);
    await waitLive(admin);
    expect(await admin.title()).toBe('Open tickets · Parley');
    const plain = await admin.locator('link[rel=icon]').getAttribute('href');
    await customer.createTicket('Another one arrives while the agent is elsewhere');
    await admin.waitForFunction(() => document.title === '(1) Open tickets · Parley');
    const badged = await admin.locator('link[rel=icon]').getAttribute('href');
    expect(badged).toMatch(/^data:image\/svg\+xml,/);
    expect(badged).not.toBe(plain);
    expect(decodeURIComponent(badged!)).toContain('>1</text>');
    await ticketRow(admin, 'Another one arrives').waitFor();
  });
});
