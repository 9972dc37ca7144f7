import { expect } from 'chai';
import './parley-message-list.ts';
import { cleanup, makeMessage, mount } from './test/fixtures.ts';

describe('messages written by an API token', () => {
  afterEach(cleanup);

  it('show as "via <token name>" in the conversation', async () => {
    const el = await mount('parley-message-list', {
      messages: [makeMessage(1), makeMessage(2, { author: { kind: 'integration', id: 'k1', name: 'Billing bot' }, body: 'Refund sent' })],
      viewerId: 'me',
    });
    const metas = [...el.shadowRoot!.querySelectorAll('.meta')].map((m) => m.textContent ?? '');
    expect(metas.some((t) => t.includes('via Billing bot'))).to.equal(true);
  });
});
