// The new-ticket form (its own chunk) and drafts, in real Chromium on a store seeded by hand: the
// counter near the limit, errors that clear as the customer fixes them, drafts that survive closing
// the panel, a reload, and the ticket closing under the customer; category names per language.
import { expect } from 'chai';
import { LIMITS } from '../protocol/limits.ts';
import type { VisitorSession } from '../protocol/index.ts';
import { createStore, type Store } from './actions.ts';
import { show } from './app.tsx';
import { $, $$, ticket, until } from './test/helpers.ts';

let host: HTMLElement | undefined;

function setup(locale = 'en', siteKey = `drafts-${Math.random()}`): { s: Store; root: ShadowRoot } {
  host?.remove();
  host = document.body.appendChild(document.createElement('div'));
  const root = host.attachShadow({ mode: 'open' });
  const s = createStore({ siteKey, server: 'http://127.0.0.1:9', theme: {}, locale, emit() {}, badge() {}, opened() {} });
  show(s, root);
  return { s, root };
}


/** Types into a field as a customer would (value, then the input event). */
const type = (field: HTMLTextAreaElement, text: string) => {
  field.value = text;
  field.dispatchEvent(new Event('input', { bubbles: true }));
};

describe('the new-ticket form', () => {
  afterEach(() => host?.remove());

  it('is loaded on demand, then takes focus', async () => {
    const { s, root } = setup();
    s.isOpen.value = true;
    s.go({ name: 'new' });
    await until(() => root.activeElement?.getAttribute('for') === 'p-cat', 4000, 'focus on the form');
    expect(performance.getEntriesByType('resource').some((e) => e.name.includes('ticket-form'))).to.equal(true);
  });

  it('shows a counter only near the 4,000 limit, and clears the error as the customer writes', async () => {
    const { s, root } = setup();
    s.isOpen.value = true;
    s.go({ name: 'new' });
    const field = await until(() => $<HTMLTextAreaElement>(root, '#p-desc'));
    expect(field.maxLength).to.equal(LIMITS.description);
    $(root, 'form .primary')!.click();
    await until(() => $(root, '#p-err'));
    expect(field.getAttribute('aria-invalid')).to.equal('true');
    type(field, '   ');
    await new Promise((r) => setTimeout(r, 50));
    expect($(root, '#p-err'), 'blank is still no description').not.to.equal(null);
    type(field, 'It broke');
    await until(() => !$(root, '#p-err'), 4000, 'the error to clear');
    expect(field.hasAttribute('aria-invalid')).to.equal(false);
    expect($(root, '#p-left')).to.equal(null);
    type(field, 'x'.repeat(LIMITS.description - 10));
    const left = await until(() => $(root, '#p-left'));
    expect(left.textContent).to.equal('10 characters left');
    expect(field.getAttribute('aria-describedby')).to.equal('p-left');
  });

  it('keeps the description when the panel closes and after a reload', async () => {
    const siteKey = `drafts-${Math.random()}`;
    const { s, root } = setup('en', siteKey);
    s.isOpen.value = true;
    s.go({ name: 'new' });
    type(await until(() => $<HTMLTextAreaElement>(root, '#p-desc')), 'Half a thought');
    s.close();
    await until(() => !$(root, '.panel'));
    s.open();
    expect((await until(() => $<HTMLTextAreaElement>(root, '#p-desc'))).value).to.equal('Half a thought');
    // A new store on the same site is what a reload gets.
    const again = setup('en', siteKey);
    again.s.isOpen.value = true;
    expect((await until(() => $<HTMLTextAreaElement>(again.root, '#p-desc'))).value).to.equal('Half a thought');
  });

  it('keeps what the customer was writing when the ticket closes under them, for the next conversation', async () => {
    const { s, root } = setup();
    s.tickets.value = [ticket()];
    s.isOpen.value = true;
    s.go({ name: 'ticket', id: 't1' });
    type(await until(() => $<HTMLTextAreaElement>(root, '.composer textarea')), 'One more question');
    s.close();
    s.open();
    expect((await until(() => $<HTMLTextAreaElement>(root, '.composer textarea'))).value).to.equal('One more question');
    s.tickets.value = [ticket({ status: 'closed', closedAt: new Date().toISOString() })];
    await until(() => !$(root, '.composer'));
    const startNew = $$(root, '.primary').find((b) => b.textContent === 'Start a new conversation')!;
    startNew.click();
    expect((await until(() => $<HTMLTextAreaElement>(root, '#p-desc'))).value).to.equal('One more question');
  });

  it('names categories in the customer language when the site translates them, in the form and the ticket', async () => {
    const { s, root } = setup('ar');
    const site = { id: 's1', name: 'Shop', categories: ['Billing', 'Other'], categoryLabels: { ar: { Billing: 'الفواتير' } }, requireIdentity: false };
    s.session.value = { visitorToken: 'x', customer: { id: 'c1' }, site } as unknown as VisitorSession;
    s.isOpen.value = true;
    s.go({ name: 'new' });
    await until(() => $$(root, '#p-cat option').length === 2);
    const options = ($$(root, "#p-cat option") as HTMLOptionElement[]);
    // Shown translated, sent as the site's own name (what the server checks).
    expect(options.map((o) => [o.value, o.textContent])).to.deep.equal([['Billing', 'الفواتير'], ['Other', 'Other']]);
    s.tickets.value = [ticket()];
    s.go({ name: 'ticket', id: 't1' });
    await until(() => $(root, '.summary b')?.textContent?.startsWith('الفواتير'));
    s.locale.value = 'en';
    await until(() => $(root, '.summary b')?.textContent?.startsWith('Billing'));
  });
});

describe('the home screen', () => {
  afterEach(() => host?.remove());

  it('lists conversations by their last message and its time, the most recent first', async () => {
    const { s, root } = setup();
    const at = '2026-01-02T09:30:00Z';
    s.tickets.value = [ticket({ id: 'old', description: 'First problem' }), ticket({ id: 't2', description: 'Second problem', createdAt: '2026-01-01T11:00:00Z' })];
    s.messages.value = { old: [{ id: 'm1', ticketId: 'old', seq: 1, clientId: 'c1', author: { kind: 'member', id: 'u1', name: 'Maya' }, body: 'Fixed now?', createdAt: at }] };
    s.isOpen.value = true;
    await until(() => $$(root, '.ticket').length === 2);
    expect($$(root, '.ticket small').map((e) => e.textContent)).to.deep.equal(['Fixed now?', 'Second problem']);
    const time = $(root, '.ticket time')!;
    expect(time.getAttribute('datetime')).to.equal(at);
    expect(time.textContent).to.equal(new Intl.DateTimeFormat('en', { dateStyle: 'short', timeStyle: 'short' }).format(new Date(at)));
  });
});
