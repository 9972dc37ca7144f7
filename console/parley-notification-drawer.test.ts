import { expect } from 'chai';
import './parley-notification-drawer.ts';
import './parley-reject-dialog.ts';
import { cleanup, makeTicket, mount, record, settle } from './test/fixtures.ts';

describe('parley-notification-drawer', () => {
  afterEach(cleanup);

  it('lists notifications, opens the chosen ticket and closes on Escape', async () => {
    const t = makeTicket({ urgency: 'urgent', category: 'Technical' });
    const el = await mount('parley-notification-drawer', { open: true, notifications: [{ id: t.id, title: 'New urgent ticket', ticket: t, at: Date.now(), read: false }] });
    const opened = record(el, 'parley-open');
    const closed = record(el, 'parley-close');
    const item = el.shadowRoot!.querySelector<HTMLButtonElement>('li.unread button')!;
    expect(item.textContent).to.contain('New urgent ticket');
    expect(item.textContent).to.contain('Technical');
    item.click();
    expect(opened).to.deep.equal([t]);
    el.shadowRoot!.querySelector('aside')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
    expect(closed.length).to.equal(1);
  });

  it('shows when a notified ticket was taken meanwhile', async () => {
    const t = makeTicket({ status: 'assigned', assignee: { id: 'u2', name: 'Sam' } });
    const el = await mount('parley-notification-drawer', { open: true, notifications: [{ id: t.id, title: 'New low ticket', ticket: t, at: Date.now(), read: true }] });
    expect(el.shadowRoot!.querySelector('li .badge.status-assigned')!.textContent).to.equal('assigned · Sam');
  });

  it('offers the chime and desktop alerts', async () => {
    const el = await mount('parley-notification-drawer', { open: true, sound: false, desktop: 'default' });
    const toggled = record(el, 'parley-toggle-sound');
    const asked = record(el, 'parley-enable-desktop');
    const sound = el.shadowRoot!.querySelector<HTMLButtonElement>('.prefs button[aria-pressed]')!;
    expect(sound.getAttribute('aria-pressed')).to.equal('false');
    sound.click();
    [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('.prefs button')].find((b) => b.textContent === 'Enable desktop alerts')!.click();
    expect(toggled.length).to.equal(1);
    expect(asked.length).to.equal(1);
    el.sound = true;
    el.desktop = 'denied';
    await settle(el);
    expect(sound.getAttribute('aria-pressed')).to.equal('true');
    expect(el.shadowRoot!.querySelector('.prefs')!.textContent).to.contain('blocked');
  });

  it('is inert while closed and shows an empty state without notifications', async () => {
    const el = await mount('parley-notification-drawer', { open: false });
    expect(el.shadowRoot!.querySelector('aside')!.inert).to.equal(true);
    expect(el.shadowRoot!.querySelector('parley-state')).to.not.equal(null);
  });
});

describe('parley-reject-dialog', () => {
  afterEach(cleanup);

  it('opens for a ticket and confirms with the reason typed', async () => {
    const t = makeTicket();
    const el = await mount('parley-reject-dialog', { ticket: t });
    const dialog = el.shadowRoot!.querySelector('dialog')!;
    expect(dialog.open).to.equal(true);
    const confirmed = record<{ ticket: unknown; reason: string }>(el, 'parley-confirm-reject');
    dialog.querySelector('textarea')!.value = '  Out of scope  ';
    dialog.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    expect(confirmed).to.deep.equal([{ ticket: t, reason: 'Out of scope' }]);
    el.ticket = null;
    await settle(el);
    expect(dialog.open).to.equal(false);
  });

  it('reports a cancel', async () => {
    const el = await mount('parley-reject-dialog', { ticket: makeTicket() });
    const cancelled = record(el, 'parley-cancel');
    el.shadowRoot!.querySelector<HTMLButtonElement>('button[type=button]')!.click();
    expect(cancelled.length).to.equal(1);
  });
});
