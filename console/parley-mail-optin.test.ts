import { expect } from 'chai';
import './parley-mail-optin.ts';
import { cleanup, mount, record, settle } from './test/fixtures.ts';

describe('parley-mail-optin', () => {
  afterEach(cleanup);

  it('shows both choices and emits each change as its own field', async () => {
    const el = await mount('parley-mail-optin', { checked: true });
    const changes = record(el, 'parley-mail-optin');
    const [tickets, replies] = el.shadowRoot!.querySelectorAll('input');
    expect(tickets!.checked).to.equal(true);
    expect(replies!.checked).to.equal(false);
    const labels = [...el.shadowRoot!.querySelectorAll('label')].map((l) => l.textContent!.trim());
    expect(labels).to.deep.equal(['Mail me new tickets', 'Mail me replies']);
    tickets!.checked = false;
    tickets!.dispatchEvent(new Event('change'));
    replies!.checked = true;
    replies!.dispatchEvent(new Event('change'));
    expect(changes).to.deep.equal([{ mailNewTickets: false }, { mailCustomerReplies: true }]);
  });

  it('is disabled while saving', async () => {
    const el = await mount('parley-mail-optin', { replies: true });
    el.busy = true;
    await settle(el);
    const boxes = [...el.shadowRoot!.querySelectorAll('input')];
    expect(boxes.map((b) => b.disabled)).to.deep.equal([true, true]);
    expect(boxes.map((b) => b.checked)).to.deep.equal([false, true]);
  });
});
