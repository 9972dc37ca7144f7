// What the signals binding redraws, counted with Preact's own render hook, in real Chromium on a
// store seeded by hand: in an open 500-message conversation a typing event redraws only the typing
// line, an incoming message the conversation (not the header, the composer or the panel), and a new
// notice rewrites its text node without any component render.
import { expect } from 'chai';
import { Fragment, options, type VNode } from 'preact';
import type { Message } from '../protocol/index.ts';
import { createStore } from './actions.ts';
import { show } from './app.tsx';
import { $, $$, ticket, until } from './test/helpers.ts';

// Preact calls `options.__r` (its internal `_render`) just before a component's render function runs.
type Hooks = { __r?: (vnode: VNode) => void };
const hooks = options as Hooks;
const renders: string[] = [];
const previous = hooks.__r;
hooks.__r = (vnode) => {
  previous?.(vnode);
  if (typeof vnode.type === 'function' && vnode.type !== Fragment) renders.push(vnode.type.displayName || vnode.type.name);
};

const message = (seq: number): Message => ({
  id: `m${seq}`, ticketId: 't1', seq, clientId: `c${seq}`, author: { kind: 'member', id: 'u1', name: 'Maya' },
  body: `Line ${seq}`, createdAt: '2026-01-01T10:05:00Z',
});

/** Components rendered while `change` is applied and drawn, by name. */
async function rendersOf(change: () => void, drawn: () => unknown): Promise<string[]> {
  renders.length = 0;
  change();
  await until(drawn, 4000, 'the change drawn');
  // Anything scheduled with it (effects, a second pass) is in by the next frame.
  await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
  return [...renders].sort();
}

describe('what the widget redraws', () => {
  let host: HTMLElement;
  afterEach(() => host.remove());

  it('redraws only the typing line on a typing event, and the conversation on a message, in a 500-message chat', async () => {
    host = document.body.appendChild(document.createElement('div'));
    const root = host.attachShadow({ mode: 'open' });
    const s = createStore({ siteKey: `renders-${Math.random()}`, server: 'http://127.0.0.1:9', theme: {}, locale: 'en', emit() {}, badge() {}, opened() {} });
    show(s, root);
    s.tickets.value = [ticket()];
    s.messages.value = { t1: Array.from({ length: 500 }, (_, i) => message(i + 1)) };
    s.view.value = { name: 'ticket', id: 't1' };
    s.isOpen.value = true;
    await until(() => $$(root, '.msg').length === 500, 8000, 'the conversation');

    const typing = await rendersOf(() => (s.typists.value = { t1: 'Maya' }), () => $(root, '.typing')!.textContent!.includes('Maya'));
    expect(typing).to.deep.equal(['Typing']);
    const stopped = await rendersOf(() => (s.typists.value = { t1: '' }), () => !$(root, '.typing')!.textContent);
    expect(stopped).to.deep.equal(['Typing']);

    const incoming = await rendersOf(() => (s.messages.value = { t1: [...s.messages.value.t1!, message(501)] }), () => $$(root, '.msg').length === 501);
    // TicketView reads the count (to scroll); MessageList draws it. Header, composer and panel stay.
    expect(incoming).to.include.members(['MessageList', 'TicketView']);
    expect(incoming).to.not.include.members(['Panel']);
    expect(incoming).to.not.include('Composer');
    expect(incoming).to.not.include('Typing');

    const notice = await rendersOf(() => (s.notice.value = 'Your ticket was closed.'), () => $(root, '.banner')!.textContent === 'Your ticket was closed.');
    expect(notice, 'a signal in JSX updates its text node').to.deep.equal([]);
  });
});
