import { expect } from 'chai';
import './parley-message-list.ts';
import { cleanup, makeMessage, mount, record, settle } from './test/fixtures.ts';

describe('parley-message-list', () => {
  afterEach(cleanup);

  it('renders customer HTML as text, never as markup', async () => {
    const evil = makeMessage(1, { body: '<img src=x onerror="window.__pwned=1"><b>bold</b>' });
    const el = await mount('parley-message-list', { messages: [evil], viewerId: 'me' });
    const bubble = el.shadowRoot!.querySelector('.bubble')!;
    expect(bubble.textContent).to.equal(evil.body);
    expect(el.shadowRoot!.querySelector('img, b')).to.equal(null);
    expect((window as unknown as { __pwned?: number }).__pwned).to.equal(undefined);
  });

  it('shows sent and seen receipts on the viewer\'s own messages only', async () => {
    const mine = (seq: number) => makeMessage(seq, { author: { kind: 'member', id: 'me', name: 'Mia' } });
    const el = await mount('parley-message-list', { messages: [makeMessage(1), mine(2), mine(3)], viewerId: 'me', readSeq: 2 });
    const states = [...el.shadowRoot!.querySelectorAll('li')].map((li) => li.querySelector('.state')?.getAttribute('data-state') ?? null);
    expect(states).to.deep.equal([null, 'read', 'sent']);
    el.readSeq = 3;
    await settle(el);
    expect(el.shadowRoot!.querySelectorAll('[data-state=read]').length).to.equal(2);
  });

  it('shows pending messages as sending, failed ones with a retry that reports the clientId', async () => {
    const el = await mount('parley-message-list', {
      viewerId: 'me',
      pending: [
        { clientId: 'a', ticketId: 't1', body: 'first', state: 'sending', tries: 0 },
        { clientId: 'b', ticketId: 't1', body: 'second', state: 'failed', error: 'ticket is closed', tries: 3 },
      ],
    });
    const retried = record<string>(el, 'parley-retry-message');
    expect(el.shadowRoot!.querySelector('[data-client-id=a] [data-state]')!.getAttribute('data-state')).to.equal('sending');
    const failed = el.shadowRoot!.querySelector('[data-client-id=b] .state')!;
    expect(failed.textContent).to.contain('ticket is closed');
    failed.querySelector('button')!.click();
    expect(retried).to.deep.equal(['b']);
  });

  it('says who is typing, and shows an empty state without messages', async () => {
    const el = await mount('parley-message-list', { typing: 'Ada' });
    expect(el.shadowRoot!.querySelector('parley-state')).to.not.equal(null);
    expect(el.shadowRoot!.querySelector('.typing')!.textContent).to.contain('Ada is typing');
    el.typing = '';
    await settle(el);
    expect(el.shadowRoot!.querySelector('.typing')!.textContent!.trim()).to.equal('');
  });
});
