import { expect } from 'chai';
import type { MemberLoad } from '../protocol/index.ts';
import './parley-transfer.ts';
import { cleanup, makeTicket, mount, record, settle } from './test/fixtures.ts';

const members: MemberLoad[] = [
  { id: 'm1', name: 'Mia', status: 'online', assigned: 1, capacity: 5 },
  { id: 'm2', name: 'Tom', status: 'away', assigned: 2, capacity: 5 },
  { id: 'm3', name: 'Full Fay', status: 'online', assigned: 3, capacity: 3 },
];

describe('parley-transfer', () => {
  afterEach(cleanup);

  it('offers the other members with status and load, full ones disabled, and emits the chosen one', async () => {
    const el = await mount('parley-transfer', { ticket: makeTicket({ status: 'assigned', assignee: { id: 'm1', name: 'Mia' } }), members });
    const transfers = record<string>(el, 'parley-transfer');
    const options = [...el.shadowRoot!.querySelectorAll('option')].slice(1);
    expect(options.map((o) => o.textContent!.trim())).to.deep.equal(['Tom · away · 2/5', 'Full Fay · online · 3/3 (full)']);
    expect(options.map((o) => o.disabled)).to.deep.equal([false, true]);
    const button = el.shadowRoot!.querySelector<HTMLButtonElement>('button[type=submit]')!;
    expect(button.disabled).to.equal(true);
    const select = el.shadowRoot!.querySelector('select')!;
    select.value = 'm2';
    select.dispatchEvent(new Event('change'));
    await settle(el);
    expect(button.disabled).to.equal(false);
    button.click();
    expect(transfers).to.deep.equal(['m2']);
  });

  it('releases to the queue, disables everything while busy, and shows nothing for a ticket that is not assigned', async () => {
    const el = await mount('parley-transfer', { ticket: makeTicket({ status: 'assigned', assignee: { id: 'm1', name: 'Mia' } }), members });
    const releases = record(el, 'parley-release');
    [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent!.includes('Release'))!.click();
    expect(releases).to.have.length(1);
    el.busy = true;
    await settle(el);
    expect([...el.shadowRoot!.querySelectorAll<HTMLButtonElement | HTMLSelectElement>('button, select')].every((b) => b.disabled)).to.equal(true);
    el.ticket = makeTicket({ status: 'open' });
    await settle(el);
    expect(el.shadowRoot!.querySelector('form')).to.equal(null);
  });

  it('labels its picker for assistive technology', async () => {
    const el = await mount('parley-transfer', { ticket: makeTicket({ status: 'assigned', assignee: { id: 'm1', name: 'Mia' } }), members });
    const select = el.shadowRoot!.querySelector('select')!;
    expect(el.shadowRoot!.querySelector(`label[for=${select.id}]`)!.textContent).to.equal('Transfer to');
  });
});
