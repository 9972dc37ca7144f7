// The widget's rendering cost in an open conversation: a customer's widget (real page, real server)
// shows a 500-message conversation; a member's socket then sends 100 messages, then 1,000 typing
// events; the page's main-thread time for each phase is read from Chrome's own counters
// (Performance.getMetrics ScriptDuration / TaskDuration), so network waits are not counted.
import { chromium, type Browser, type Page } from 'playwright-core';
import { openStaffSocket } from '../lib/frame-socket.ts';
import type { CustomerSession, ParleyApi, StaffSession } from '../lib/parley-api.ts';
import { CHROMIUM_ARGS } from './widget.ts';

export interface RenderPhase {
  events: number;
  scriptMs: number;
  taskMs: number;
}

/** Main-thread time of a page load: the host page from navigation to the widget showing the open conversation, and the same page without the widget. */
export interface LoadCost {
  /** To the load event with the launcher drawn (the widget closed: what every page view pays). */
  launcher: { scriptMs: number; taskMs: number };
  withWidget: { scriptMs: number; taskMs: number };
  withoutWidget: { scriptMs: number; taskMs: number };
}

export interface WidgetRenderResult {
  history: number;
  load: LoadCost;
  messages: RenderPhase;
  typing: RenderPhase;
}

/** A ticket of `customer`, accepted by `member`, holding `count` member messages `${marker}-0001`…; returns its id and the member's socket. */
export async function conversation(api: ParleyApi, customer: CustomerSession, member: StaffSession, marker: string, count: number) {
  const ticket = await api.createTicket(customer, `${marker} conversation`);
  await api.accept(member, ticket.id);
  const socket = await openStaffSocket(api.wsUrl, api.origin, member.cookie);
  await socket.request({ type: 'join', ticketId: ticket.id, ref: 'join' });
  let sent = 0;
  const say = (n: number) => socket.request({ type: 'message', ticketId: ticket.id, clientId: `${marker}-${n}`, body: `${marker}-${String(n).padStart(4, '0')}`, ref: `m${n}` });
  const next = async (): Promise<void> => (sent < count ? (await say(++sent), next()) : undefined);
  await Promise.all(Array.from({ length: 8 }, next));
  return { ticketId: ticket.id, socket, say };
}

/** Opens the widget on `pageUrl` as the visitor of `token` and clicks into the conversation marked `marker`. */
export async function openConversation(page: Page, pageUrl: string, siteKey: string, token: string, marker: string, lastText: string) {
  await page.addInitScript(([k, t]) => localStorage.setItem(`parley:${k}:token`, t!), [siteKey, token]);
  await page.goto(pageUrl, { waitUntil: 'load' });
  await page.waitForFunction('window.Parley && window.Parley.open', undefined, { timeout: 15000 });
  await page.evaluate('window.Parley.open()');
  await page.locator('parley-widget').getByText(new RegExp(marker)).first().click({ timeout: 15000 });
  await shows(page, lastText);
}

const shows = (page: Page, text: string) =>
  page.waitForFunction((t) => document.querySelector('parley-widget')!.shadowRoot!.textContent!.includes(t), text, { timeout: 60000, polling: 50 });

type Metrics = Record<string, number>;
const metrics = async (cdp: { send(m: 'Performance.getMetrics'): Promise<{ metrics: { name: string; value: number }[] }> }): Promise<Metrics> =>
  Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
const phase = (events: number, a: Metrics, b: Metrics): RenderPhase => ({
  events,
  scriptMs: Math.round((b.ScriptDuration! - a.ScriptDuration!) * 10000) / 10,
  taskMs: Math.round((b.TaskDuration! - a.TaskDuration!) * 10000) / 10,
});

/** Script and task ms from navigation (counters enabled before it) until `ready` resolves, then a quiet 300 ms. */
async function loadCost(browser: Browser, ready: (page: Page) => Promise<unknown>): Promise<{ page: Page; cost: { scriptMs: number; taskMs: number } }> {
  const page = await (await browser.newContext()).newPage();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const m0 = await metrics(cdp);
  await ready(page);
  await page.waitForTimeout(300);
  const { scriptMs, taskMs } = phase(0, m0, await metrics(cdp));
  return { page, cost: { scriptMs, taskMs } };
}

export async function measureWidgetRender(api: ParleyApi, customer: CustomerSession, member: StaffSession, siteKey: string, pageUrl: string, plainUrl: string, history = 500): Promise<WidgetRenderResult> {
  const marker = `bench${Date.now().toString(36)}`;
  const convo = await conversation(api, customer, member, marker, history);
  const browser: Browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    // The same page without the widget first: what the host page costs on its own.
    const plain = await loadCost(browser, (p) => p.goto(plainUrl, { waitUntil: 'load' }));
    await plain.page.context().close();
    const closed = await loadCost(browser, async (p) => {
      await p.goto(pageUrl, { waitUntil: 'load' });
      await p.waitForFunction(() => document.querySelector('parley-widget')?.shadowRoot?.querySelector('button'), undefined, { timeout: 15000 });
    });
    await closed.page.context().close();
    const { page, cost } = await loadCost(browser, (p) => openConversation(p, pageUrl, siteKey, customer.token, marker, `${marker}-${String(history).padStart(4, '0')}`));
    const load = { launcher: closed.cost, withWidget: cost, withoutWidget: plain.cost };
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    await page.waitForTimeout(500);

    const m0 = await metrics(cdp);
    for (let i = 1; i <= 100; i++) await convo.say(history + i);
    await shows(page, `${marker}-${String(history + 100).padStart(4, '0')}`);
    await page.waitForTimeout(300);
    const m1 = await metrics(cdp);
    // Frames of one socket arrive in order: once the closing message shows, every typing event before it was applied.
    for (let i = 0; i < 1000; i++) convo.socket.send({ type: 'typing', ticketId: convo.ticketId });
    await convo.say(history + 101);
    await shows(page, `${marker}-${String(history + 101).padStart(4, '0')}`);
    await page.waitForTimeout(300);
    const m2 = await metrics(cdp);
    return { history, load, messages: phase(100, m0, m1), typing: phase(1000, m1, m2) };
  } finally {
    convo.socket.close();
    await browser.close();
  }
}
