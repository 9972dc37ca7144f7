// The widget's rendering cost in an open conversation: a customer's widget (real page, real server)
// shows a 500-message conversation; a member's socket then sends 100 messages, then 1,000 typing
// events; the page's main-thread time for each phase is read from Chrome's own counters
// (Performance.getMetrics ScriptDuration / TaskDuration), so network waits are not counted.
// At page load nothing of the bench runs in the page: it waits by reading the DOM over the DevTools
// protocol (the DOM domain runs no page script), writes the visitor's storage the same way and opens
// the widget with a real click, so the script counted is the host page's and the widget's own.
import { chromium, type Browser, type CDPSession, type Page } from 'playwright-core';
import { openStaffSocket } from '../lib/frame-socket.ts';
import { median } from '../lib/stats.ts';
import type { CustomerSession, ParleyApi, StaffSession } from '../lib/parley-api.ts';
import { CHROMIUM_ARGS } from './widget.ts';

export interface RenderPhase {
  events: number;
  scriptMs: number;
  taskMs: number;
}

/** Main-thread time of a page load: the host page from navigation to the widget showing the open conversation, and the same page without the widget. */
export interface LoadCost {
  /** To the load event with the launcher drawn (the widget closed: what every page view pays); the median of 5 loads, as is `withoutWidget`. */
  launcher: { scriptMs: number; taskMs: number };
  /** To the returning customer's conversation shown, opened with a click on the launcher. */
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

const shows = (page: Page, text: string) =>
  page.waitForFunction((t) => document.querySelector('parley-widget')!.shadowRoot!.textContent!.includes(t), text, { timeout: 60000, polling: 50 });

/**
 * Waits until `selector` matches in the widget's shadow root (and its markup includes `text`, when
 * given), polling every 50 ms through the DevTools protocol's DOM domain: no script runs in the page
 * for it. Returns the node id.
 */
async function inWidget(cdp: CDPSession, selector: string, text?: string, timeoutMs = 15000): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
    const { nodeId: host } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: 'parley-widget' });
    if (host) {
      const { node } = await cdp.send('DOM.describeNode', { nodeId: host, pierce: true, depth: 0 });
      const shadow = node.shadowRoots?.[0];
      if (shadow) {
        const { nodeIds: [shadowId] } = await cdp.send('DOM.pushNodesByBackendIdsToFrontend', { backendNodeIds: [shadow.backendNodeId] });
        const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: shadowId!, selector });
        if (nodeId && (!text || (await cdp.send('DOM.getOuterHTML', { nodeId })).outerHTML.includes(text))) return nodeId;
      }
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${selector}${text ? ` with ${text}` : ''} in the widget`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** A real click (input events from the protocol) in the middle of a node. */
async function click(page: Page, cdp: CDPSession, nodeId: number) {
  const { model } = await cdp.send('DOM.getBoxModel', { nodeId });
  const [x1, y1, , , x2, y2] = model.content;
  await page.mouse.click((x1! + x2!) / 2, (y1! + y2!) / 2);
}

type Metrics = Record<string, number>;
const metrics = async (cdp: { send(m: 'Performance.getMetrics'): Promise<{ metrics: { name: string; value: number }[] }> }): Promise<Metrics> =>
  Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
const phase = (events: number, a: Metrics, b: Metrics): RenderPhase => ({
  events,
  scriptMs: Math.round((b.ScriptDuration! - a.ScriptDuration!) * 10000) / 10,
  taskMs: Math.round((b.TaskDuration! - a.TaskDuration!) * 10000) / 10,
});

/** Loads of the page with the widget closed, and without it, measured each. */
const LOADS = 5;
const medianCost = (runs: LoadCost['launcher'][]) => ({ scriptMs: median(runs.map((r) => r.scriptMs)), taskMs: median(runs.map((r) => r.taskMs)) });

type Step = (page: Page, cdp: CDPSession) => Promise<unknown>;

/** Script and task ms from navigation (counters read just before it, after `before`) until `ready` resolves, then a quiet 300 ms. */
async function loadCost(browser: Browser, ready: Step, before?: Step): Promise<{ page: Page; cost: { scriptMs: number; taskMs: number } }> {
  const page = await (await browser.newContext()).newPage();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('DOMStorage.enable');
  await before?.(page, cdp);
  await cdp.send('Performance.enable');
  await cdp.send('DOM.enable');
  const m0 = await metrics(cdp);
  await ready(page, cdp);
  await page.waitForTimeout(300);
  const { scriptMs, taskMs } = phase(0, m0, await metrics(cdp));
  return { page, cost: { scriptMs, taskMs } };
}

/** The returning customer's storage, written through the protocol before the page's scripts run: their token, and the conversation as the view they were in. */
async function returning(page: Page, cdp: CDPSession, pageUrl: string, siteKey: string, token: string, ticketId: string) {
  // A blank document of the host's origin first, so its storage exists to write to.
  await page.route(pageUrl, (route) => route.fulfill({ contentType: 'text/html', body: '' }), { times: 1 });
  await page.goto(pageUrl);
  const storageId = { securityOrigin: new URL(pageUrl).origin, isLocalStorage: true };
  await cdp.send('DOMStorage.setDOMStorageItem', { storageId, key: `parley:${siteKey}:token`, value: token });
  await cdp.send('DOMStorage.setDOMStorageItem', { storageId, key: `parley:${siteKey}:view`, value: JSON.stringify({ name: 'ticket', id: ticketId }) });
}

export async function measureWidgetRender(api: ParleyApi, customer: CustomerSession, member: StaffSession, siteKey: string, pageUrl: string, plainUrl: string, history = 500): Promise<WidgetRenderResult> {
  const marker = `bench${Date.now().toString(36)}`;
  const convo = await conversation(api, customer, member, marker, history);
  const browser: Browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    // The same page without the widget, and with it closed, alternately, LOADS times each (medians:
    // one load is at the mercy of a busy machine, and the first localStorage read of a fresh profile
    // alone varies from 2 to 60 ms). Every load waits the same way (the protocol's DOM domain).
    const plainRuns: LoadCost['launcher'][] = [];
    const closedRuns: LoadCost['launcher'][] = [];
    for (let i = 0; i < LOADS; i++) {
      const plain = await loadCost(browser, async (p, cdp) => {
        await p.goto(plainUrl, { waitUntil: 'load' });
        await inWidget(cdp, 'button', undefined, 0).catch(() => {});
      });
      await plain.page.context().close();
      plainRuns.push(plain.cost);
      const closed = await loadCost(browser, async (p, cdp) => {
        await p.goto(pageUrl, { waitUntil: 'load' });
        await inWidget(cdp, 'button.launcher');
      });
      await closed.page.context().close();
      closedRuns.push(closed.cost);
    }
    // A returning customer: the page loads, the launcher is clicked, the panel reopens on their conversation.
    const lastText = `${marker}-${String(history).padStart(4, '0')}`;
    const { page, cost } = await loadCost(browser, async (p, cdp) => {
      await p.goto(pageUrl, { waitUntil: 'load' });
      await click(p, cdp, await inWidget(cdp, 'button.launcher'));
      await inWidget(cdp, '[role=log] > .msg:last-child', lastText, 60000);
    }, (p, cdp) => returning(p, cdp, pageUrl, siteKey, customer.token, convo.ticketId));
    const load = { launcher: medianCost(closedRuns), withWidget: cost, withoutWidget: medianCost(plainRuns) };
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
