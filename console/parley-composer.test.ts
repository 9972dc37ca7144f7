import { expect } from 'chai';
import type { OutgoingMessage } from './parley-composer.ts';
import './parley-composer.ts';
import { cleanup, mount, record, settle } from './test/fixtures.ts';

/** The bodies of the messages sent (none of these carry files). */
function sends(el: EventTarget): string[] {
  const seen: string[] = [];
  el.addEventListener('parley-send', (e) => {
    const { body, attachments } = (e as CustomEvent<OutgoingMessage>).detail;
    if (attachments.length) throw new Error('unexpected files');
    seen.push(body);
  });
  return seen;
}

describe('parley-composer', () => {
  afterEach(cleanup);

  const type = (field: HTMLTextAreaElement, text: string) => {
    field.value = text;
    field.dispatchEvent(new Event('input'));
  };
  const key = (field: HTMLTextAreaElement, shiftKey = false) =>
    field.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', shiftKey, bubbles: true, cancelable: true }));

  it('sends the trimmed text on Enter and clears the field', async () => {
    const el = await mount('parley-composer');
    const sent = sends(el);
    const field = el.shadowRoot!.querySelector('textarea')!;
    type(field, '  hello there  ');
    key(field);
    expect(sent).to.deep.equal(['hello there']);
    expect(field.value).to.equal('');
  });

  it('keeps Shift+Enter for a new line and never sends blank text', async () => {
    const el = await mount('parley-composer');
    const sent = sends(el);
    const field = el.shadowRoot!.querySelector('textarea')!;
    type(field, 'line one');
    key(field, true);
    type(field, '   ');
    key(field);
    el.shadowRoot!.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    expect(sent).to.deep.equal([]);
  });

  it('reports typing, at most once per burst', async () => {
    const el = await mount('parley-composer');
    const typing = record(el, 'parley-typing');
    const field = el.shadowRoot!.querySelector('textarea')!;
    type(field, 'a');
    type(field, 'ab');
    type(field, 'abc');
    expect(typing.length).to.equal(1);
  });

  it('replaces the field with the notice when disabled', async () => {
    const el = await mount('parley-composer', { disabled: true, notice: 'This ticket is closed.' });
    expect(el.shadowRoot!.querySelector('textarea')).to.equal(null);
    expect(el.shadowRoot!.querySelector('.notice')!.textContent).to.equal('This ticket is closed.');
    el.disabled = false;
    await settle(el);
    expect(el.shadowRoot!.querySelector('textarea')).to.not.equal(null);
  });

  describe('saved replies', () => {
    const canned = [
      { id: '1', shortcut: 'refund', title: 'Refund policy', body: 'Hi {{customer.name}}, {{agent.name}} here: refund for {{ticket.id}} is on its way.', scope: 'team' as const, ownerId: null, createdAt: '', updatedAt: '' },
      { id: '2', shortcut: 'hello', title: 'Greeting', body: 'Hello {{customer.name}}!', scope: 'personal' as const, ownerId: 'u1', createdAt: '', updatedAt: '' },
      { id: '3', shortcut: 'ref-no', title: 'Reference number', body: 'Your reference is {{ticket.id}}.', scope: 'team' as const, ownerId: null, createdAt: '', updatedAt: '' },
    ];
    const placeholders = { 'customer.name': 'Ada', 'agent.name': 'Mia', 'ticket.id': 't-42' };
    const press = (field: HTMLTextAreaElement, k: string) => field.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true }));
    const options = (el: HTMLElement) => [...el.shadowRoot!.querySelectorAll('[role=option]')];

    it('opens a filtered list on /, moves with the arrow keys and inserts the reply with placeholders filled', async () => {
      const el = await mount('parley-composer', { canned, placeholders });
      const sent = sends(el);
      const field = el.shadowRoot!.querySelector('textarea')!;
      type(field, '/');
      await settle(el);
      expect(field.getAttribute('aria-expanded')).to.equal('true');
      expect(options(el).map((o) => o.querySelector('code')!.textContent)).to.deep.equal(['/hello', '/ref-no', '/refund']);
      type(field, '/ref');
      await settle(el);
      expect(options(el).map((o) => o.querySelector('code')!.textContent)).to.deep.equal(['/ref-no', '/refund']);
      press(field, 'ArrowDown');
      await settle(el);
      expect(options(el)[1]!.getAttribute('aria-selected')).to.equal('true');
      expect(field.getAttribute('aria-activedescendant')).to.equal('canned-1');
      press(field, 'Enter');
      await settle(el);
      expect(field.value).to.equal('Hi Ada, Mia here: refund for t-42 is on its way.');
      expect(sent).to.deep.equal([]);
      expect(el.shadowRoot!.querySelector('[role=listbox]')).to.equal(null);
      // The next Enter sends the filled reply.
      key(field);
      expect(sent).to.deep.equal(['Hi Ada, Mia here: refund for t-42 is on its way.']);
    });

    it('closes on Escape keeping the text, says when nothing matches, and stays shut without saved replies', async () => {
      const el = await mount('parley-composer', { canned, placeholders });
      const field = el.shadowRoot!.querySelector('textarea')!;
      type(field, '/zzz');
      await settle(el);
      expect(el.shadowRoot!.querySelector('.menu-empty')!.textContent).to.contain('No saved reply matches /zzz');
      press(field, 'Escape');
      await settle(el);
      expect(el.shadowRoot!.querySelector('[role=listbox]')).to.equal(null);
      expect(field.value).to.equal('/zzz');
      const sent = sends(el);
      key(field);
      expect(sent).to.deep.equal(['/zzz']);
      const bare = await mount('parley-composer');
      const f2 = bare.shadowRoot!.querySelector('textarea')!;
      type(f2, '/');
      await settle(bare);
      expect(bare.shadowRoot!.querySelector('[role=listbox]')).to.equal(null);
    });

    it('inserts a reply picked with the mouse', async () => {
      const el = await mount('parley-composer', { canned, placeholders });
      const field = el.shadowRoot!.querySelector('textarea')!;
      type(field, '/hel');
      await settle(el);
      (options(el)[0] as HTMLElement).click();
      await settle(el);
      expect(field.value).to.equal('Hello Ada!');
    });
  });

  it('writes an internal note with the Note toggle, also while replying is disabled, and says so', async () => {
    const el = await mount('parley-composer', { disabled: true, notice: 'This ticket is closed.', noteable: true });
    const sent = sends(el);
    const notes = record<string>(el, 'parley-note');
    const typing = record<{ internal: boolean }>(el, 'parley-typing');
    expect(el.shadowRoot!.querySelector('textarea')).to.equal(null);
    const toggle = el.shadowRoot!.querySelector<HTMLButtonElement>('.note-toggle')!;
    expect(toggle.getAttribute('aria-pressed')).to.equal('false');
    toggle.click();
    await settle(el);
    const field = el.shadowRoot!.querySelector('textarea')!;
    expect(field.getAttribute('aria-label')).to.equal('Internal note');
    expect(el.hasAttribute('data-note')).to.equal(true);
    expect(el.shadowRoot!.querySelector('.hint')!.textContent).to.match(/staff/);
    type(field, ' call back tomorrow @Mia ');
    key(field);
    expect(notes).to.deep.equal(['call back tomorrow @Mia']);
    expect(sent).to.deep.equal([]);
    expect(typing).to.deep.equal([{ internal: true }]);
    // Back to replying: the field goes, as replying is disabled here.
    el.shadowRoot!.querySelector<HTMLButtonElement>('.note-toggle')!.click();
    await settle(el);
    expect(el.shadowRoot!.querySelector('textarea')).to.equal(null);
  });

  it('offers no Note toggle without noteable, and a reply is never sent as a note', async () => {
    const el = await mount('parley-composer');
    const notes = record<string>(el, 'parley-note');
    const sent = sends(el);
    expect(el.shadowRoot!.querySelector('.note-toggle')).to.equal(null);
    (el as unknown as { toggleNote(on: boolean): void }).toggleNote(true);
    await settle(el);
    const field = el.shadowRoot!.querySelector('textarea')!;
    type(field, 'public');
    key(field);
    expect(sent).to.deep.equal(['public']);
    expect(notes).to.deep.equal([]);
  });
});
