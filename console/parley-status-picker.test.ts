import { expect } from 'chai';
import './parley-status-picker.ts';
import { cleanup, mount, record, settle } from './test/fixtures.ts';

describe('parley-status-picker', () => {
  afterEach(cleanup);

  it('shows the current status and emits a new one when the member picks it', async () => {
    const el = await mount('parley-status-picker', { status: 'away' });
    const changes = record<string>(el, 'parley-status');
    const select = el.shadowRoot!.querySelector('select')!;
    expect(select.value).to.equal('away');
    expect(select.getAttribute('aria-label')).to.equal('My availability');
    expect([...select.options].map((o) => o.textContent)).to.deep.equal(['Online', 'Away', 'Offline']);
    select.value = 'online';
    select.dispatchEvent(new Event('change'));
    expect(changes).to.deep.equal(['online']);
  });

  it('follows a status set elsewhere, and is disabled while saving', async () => {
    const el = await mount('parley-status-picker', { status: 'online' });
    el.status = 'offline';
    el.busy = true;
    await settle(el);
    const select = el.shadowRoot!.querySelector('select')!;
    expect(select.value).to.equal('offline');
    expect(select.disabled).to.equal(true);
    expect(el.shadowRoot!.querySelector('.dot')!.classList.contains('offline')).to.equal(true);
  });
});
