import { expect } from 'chai';
import './parley-composer.ts';
import { cleanup, mount, record, settle } from './test/fixtures.ts';

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
    const sent = record<string>(el, 'parley-send');
    const field = el.shadowRoot!.querySelector('textarea')!;
    type(field, '  hello there  ');
    key(field);
    expect(sent).to.deep.equal(['hello there']);
    expect(field.value).to.equal('');
  });

  it('keeps Shift+Enter for a new line and never sends blank text', async () => {
    const el = await mount('parley-composer');
    const sent = record<string>(el, 'parley-send');
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
});
