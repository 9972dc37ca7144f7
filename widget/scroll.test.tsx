// The chat's scrolling and the phone panel's focus, in real Chromium on a store seeded by hand:
// a "new messages" pill when the customer has scrolled up, the scroll position back after a
// reload, and Tab kept inside the full-screen panel on a phone (Escape still closes).
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { expect } from 'chai';
import type { Message } from '../protocol/index.ts';
import { createStore, type Store } from './actions.ts';
import { show } from './app.tsx';
import { $, $$, ticket, until } from './test/helpers.ts';

let host: HTMLElement | undefined;

function setup(siteKey = `scroll-${Math.random()}`): { s: Store; root: ShadowRoot } {
  host?.remove();
  host = document.body.appendChild(document.createElement('div'));
  host.dataset.position = 'right'; // as the loader sets it (the phone layout keys on it)
  const root = host.attachShadow({ mode: 'open' });
  const s = createStore({ siteKey, server: 'http://127.0.0.1:9', theme: {}, locale: 'en', emit() {}, badge() {}, opened() {} });
  show(s, root);
  return { s, root };
}

const message = (seq: number): Message => ({
  id: `m${seq}`, ticketId: 't1', seq, clientId: `c${seq}`, author: { kind: 'member', id: 'u1', name: 'Maya' },
  body: `Line ${seq}\nof a long conversation`, createdAt: '2026-01-01T10:05:00Z',
});
const many = (n: number) => Array.from({ length: n }, (_, i) => message(i + 1));

async function chat(s: Store, root: ShadowRoot, messages: Message[]) {
  s.tickets.value = [ticket()];
  s.messages.value = { t1: messages };
  s.isOpen.value = true;
  s.view.value = { name: 'ticket', id: 't1' };
  return until(() => $(root, '.chat'));
}
const atEnd = (el: HTMLElement) => el.scrollHeight - el.scrollTop - el.clientHeight < 40;

describe('chat scrolling', () => {
  afterEach(() => host?.remove());

  it('follows new messages at the end, and offers a pill instead when the customer scrolled up', async () => {
    const { s, root } = setup();
    const log = await chat(s, root, many(40));
    await until(() => atEnd(log), 4000, 'the end of the chat');
    s.messages.value = { t1: many(41) };
    await until(() => atEnd(log) && $$(root, '.bubble').length === 41, 4000, 'following the new message');
    expect($(root, '.jump')).to.equal(null);

    log.style.scrollBehavior = 'auto';
    log.scrollTop = 0;
    await until(() => !atEnd(log));
    log.dispatchEvent(new Event('scroll'));
    s.messages.value = { t1: many(42) };
    const pill = await until(() => $(root, '.jump'), 4000, 'the pill');
    expect(pill.textContent).to.equal('New messages ↓');
    expect(log.scrollTop, 'reading position kept').to.be.lessThan(50);
    pill.click();
    await until(() => atEnd(log) && !$(root, '.jump'), 4000, 'the jump down');
  });

  it('comes back to the same conversation at the same place after a reload', async () => {
    const siteKey = `scroll-${Math.random()}`;
    const first = setup(siteKey);
    const log = await chat(first.s, first.root, many(60));
    log.style.scrollBehavior = 'auto';
    log.scrollTop = 700;
    log.dispatchEvent(new Event('scroll'));
    const y = log.scrollTop;
    expect(y).to.be.greaterThan(600);
    // A new store on the same site is what a reload gets; its messages arrive after the view.
    const { s, root } = setup(siteKey);
    expect(s.view.value).to.deep.equal({ name: 'ticket', id: 't1' });
    s.tickets.value = [ticket()];
    s.isOpen.value = true;
    const again = await until(() => $(root, '.chat'));
    s.messages.value = { t1: many(60) };
    await until(() => $$(root, '.bubble').length === 60);
    await until(() => Math.abs(again.scrollTop - y) < 2, 4000, `scrollTop ${y}`);
  });
});

describe('on a phone, the full-screen panel', () => {
  afterEach(async () => {
    host?.remove();
    await setViewport({ width: 800, height: 600 });
  });

  it('keeps focus inside while open, both ways, and Escape closes it', async () => {
    await setViewport({ width: 375, height: 640 });
    const { s, root } = setup();
    await chat(s, root, many(3));
    const textarea = await until(() => $<HTMLTextAreaElement>(root, '.composer textarea'));
    await until(() => root.activeElement === textarea, 4000, 'focus on the composer');
    // Send is disabled while empty, so the composer is the last stop; the back button the first.
    await sendKeys({ press: 'Tab' });
    expect(root.activeElement?.getAttribute('aria-label')).to.equal('Back');
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ up: 'Shift' });
    expect(root.activeElement).to.equal(textarea);
    await sendKeys({ press: 'Escape' });
    await until(() => !$(root, '.panel'));
  });

  it('lets Tab leave the panel on a wide screen, where the page stays usable', async () => {
    const { s, root } = setup();
    const outside = document.body.appendChild(document.createElement('button'));
    await chat(s, root, many(3));
    const textarea = await until(() => $<HTMLTextAreaElement>(root, '.composer textarea'));
    await until(() => root.activeElement === textarea);
    await sendKeys({ press: 'Tab' });
    expect(root.activeElement?.getAttribute('aria-label')).not.to.equal('Back');
    outside.remove();
  });
});
