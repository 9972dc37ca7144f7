import { expect } from 'chai';
import './parley-mail-optin.ts';
import { cleanup, mount, record, settle } from './test/fixtures.ts';

describe('parley-mail-optin', () => {
  afterEach(cleanup);

  it('shows the choice and emits a change', async () => {
    const el = await mount('parley-mail-optin', { checked: true });
    const changes = record<boolean>(el, 'parley-mail-optin');
    const box = el.shadowRoot!.querySelector('input')!;
    expect(box.checked).to.equal(true);
    expect(el.shadowRoot!.querySelector('label')!.textContent).to.contain('Mail me new tickets');
    box.checked = false;
    box.dispatchEvent(new Event('change'));
    expect(changes).to.deep.equal([false]);
  });

  it('is disabled while saving', async () => {
    const el = await mount('parley-mail-optin');
    el.busy = true;
    await settle(el);
    expect(el.shadowRoot!.querySelector('input')!.disabled).to.equal(true);
    expect(el.shadowRoot!.querySelector('input')!.checked).to.equal(false);
  });
});
