import { expect } from 'chai';
import './parley-label-editor.ts';
import { cleanup, mount, record, settle } from './test/fixtures.ts';

describe('parley-label-editor', () => {
  afterEach(cleanup);

  it('adds labels from the field (Enter or comma), offering labels in use not yet on the ticket', async () => {
    const el = await mount('parley-label-editor', { labels: ['billing'], suggestions: ['Billing', 'vip', 'refund'] });
    const changes = record<string[]>(el, 'parley-labels-change');
    expect([...el.shadowRoot!.querySelectorAll('datalist option')].map((o) => o.getAttribute('value'))).to.deep.equal(['vip', 'refund']);
    const field = el.shadowRoot!.querySelector('input')!;
    field.value = 'vip refund';
    el.shadowRoot!.querySelector('form')!.requestSubmit();
    expect(changes).to.deep.equal([['billing', 'vip', 'refund']]);
    expect(field.value).to.equal('');
    field.value = 'late';
    field.dispatchEvent(new KeyboardEvent('keydown', { key: ',', bubbles: true, cancelable: true }));
    expect(changes.at(-1)).to.deep.equal(['billing', 'late']);
  });

  it('removes one with its button, whose name says which', async () => {
    const el = await mount('parley-label-editor', { labels: ['a', 'b'] });
    const changes = record<string[]>(el, 'parley-labels-change');
    const button = el.shadowRoot!.querySelectorAll<HTMLButtonElement>('.chip button')[0]!;
    expect(button.textContent!.replace(/\s+/g, ' ').trim()).to.equal('×Remove label a');
    button.click();
    expect(changes).to.deep.equal([['b']]);
  });

  it('refuses a bad label or an eleventh, in words, and emits nothing', async () => {
    const el = await mount('parley-label-editor', { labels: Array.from({ length: 9 }, (_, i) => `l${i}`) });
    const changes = record<string[]>(el, 'parley-labels-change');
    const field = el.shadowRoot!.querySelector('input')!;
    field.value = 'no<way>';
    el.shadowRoot!.querySelector('form')!.requestSubmit();
    await settle(el);
    expect(el.shadowRoot!.querySelector('[role=alert]')!.textContent).to.contain('is not a label');
    field.value = 'x y';
    el.shadowRoot!.querySelector('form')!.requestSubmit();
    await settle(el);
    expect(el.shadowRoot!.querySelector('[role=alert]')!.textContent).to.contain('at most 10');
    expect(changes).to.deep.equal([]);
    el.labels = Array.from({ length: 10 }, (_, i) => `l${i}`);
    await settle(el);
    expect(el.shadowRoot!.querySelector('input')).to.equal(null);
  });
});
