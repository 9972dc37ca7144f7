import { expect } from 'chai';
import type { OutboxMail } from '../protocol/index.ts';
import './parley-outbox.ts';
import { cleanup, mount, stubFetch, until } from './test/fixtures.ts';

const mail = (over: Partial<OutboxMail> = {}): OutboxMail => ({
  id: 'm1', kind: 'unread_reply', to: 'lena@example.test', locale: 'en', subject: 'You have a new reply from support',
  text: 'Support replied:\n\n> <b>Your parcel ships today</b>', ticketId: 't1', state: 'sent', attempts: 1,
  createdAt: '2026-01-01T10:00:00Z', sentAt: '2026-01-01T10:00:01Z', nextAttemptAt: null, lastError: null, ...over,
});

describe('parley-outbox', () => {
  let restore = () => {};
  afterEach(() => {
    cleanup();
    restore();
  });

  it('lists the mails with their state, the text as text, and the .eml folder when there is no SMTP', async () => {
    restore = stubFetch((url) => (url.pathname === '/api/mail' ? { body: {
      mails: [mail(), mail({ id: 'm2', kind: 'new_ticket', to: 'mia@example.test', state: 'pending', attempts: 2, sentAt: null, nextAttemptAt: '2026-01-01T10:05:00Z', lastError: '451 try again later' })],
      delivery: { kind: 'files', folder: '/srv/parley/data/mail' },
    } } : undefined));
    const el = await mount('parley-outbox');
    const root = el.shadowRoot!;
    const rows = await until(() => (root.querySelectorAll('tr[data-mail-id]').length === 2 ? root.querySelectorAll('tr[data-mail-id]') : null), 'rows');
    expect(rows[0]!.querySelector('[data-state]')!.textContent).to.equal('sent');
    expect(rows[0]!.textContent).to.contain('lena@example.test');
    // The mail's text is shown as text: markup in it is not rendered.
    expect(rows[0]!.querySelector('pre')!.textContent).to.contain('<b>Your parcel ships today</b>');
    expect(rows[0]!.querySelector('b')).to.equal(null);
    expect(rows[1]!.querySelector('[data-state]')!.textContent).to.equal('pending');
    expect(rows[1]!.querySelector('[data-error]')!.textContent).to.contain('451');
    expect(rows[1]!.textContent).to.contain('try 3');
    expect(root.querySelector('[data-folder]')!.textContent).to.contain('/srv/parley/data/mail');
  });

  it('says so when there is no mail, and names no folder with SMTP', async () => {
    restore = stubFetch((url) => (url.pathname === '/api/mail' ? { body: { mails: [], delivery: { kind: 'smtp' } } } : undefined));
    const el = await mount('parley-outbox');
    const root = el.shadowRoot!;
    await until(() => root.querySelector('parley-state:not([kind=loading])'), 'empty state');
    expect(root.querySelector('[data-folder]')).to.equal(null);
    expect(root.querySelector('parley-state')!.getAttribute('heading')).to.equal('No mail yet');
  });

  it('shows the error when the list cannot be read', async () => {
    restore = stubFetch((url) => (url.pathname === '/api/mail' ? { status: 403, body: { error: { code: 'forbidden', message: 'admins only' } } } : undefined));
    const el = await mount('parley-outbox');
    const alert = await until(() => el.shadowRoot!.querySelector('[role=alert]'), 'error');
    expect(alert.textContent).to.contain('admins only');
  });
});
