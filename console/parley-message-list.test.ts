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

  it('shows "Seen" once, on the last staff message the customer read, and "Sent" on my last unread one', async () => {
    const mine = (seq: number) => makeMessage(seq, { author: { kind: 'member', id: 'me', name: 'Mia' } });
    const el = await mount('parley-message-list', { messages: [makeMessage(1), mine(2), mine(3), mine(4)], viewerId: 'me', readSeq: 3 });
    const states = () => [...el.shadowRoot!.querySelectorAll('li[data-seq]')].map((li) => li.querySelector('.state')?.getAttribute('data-state') ?? null);
    expect(states()).to.deep.equal([null, null, 'read', 'sent']);
    el.readSeq = 4;
    await settle(el);
    expect(states()).to.deep.equal([null, null, null, 'read']);
  });

  it('turns http(s) addresses into safe links and leaves other schemes as text', async () => {
    const el = await mount('parley-message-list', { messages: [makeMessage(1, { body: 'See https://example.com/a?b=1, or javascript:alert(1) and www.example.org.' })], viewerId: 'me' });
    const links = [...el.shadowRoot!.querySelectorAll<HTMLAnchorElement>('.bubble a')];
    expect(links.map((a) => a.href)).to.deep.equal(['https://example.com/a?b=1', 'https://www.example.org/']);
    expect(links.every((a) => a.rel.includes('noopener') && a.target === '_blank')).to.equal(true);
    expect(el.shadowRoot!.querySelector('.bubble')!.textContent).to.equal('See https://example.com/a?b=1, or javascript:alert(1) and www.example.org.');
  });

  it('marks every bubble dir="auto" so right-to-left text reads correctly', async () => {
    const el = await mount('parley-message-list', { messages: [makeMessage(1, { body: 'שלום, אני צריך עזרה' }), makeMessage(2, { body: 'hello' })], viewerId: 'me' });
    const bubbles = [...el.shadowRoot!.querySelectorAll('.bubble')];
    expect(bubbles.map((b) => b.getAttribute('dir'))).to.deep.equal(['auto', 'auto']);
    expect(getComputedStyle(bubbles[0]!).direction).to.equal('rtl');
    expect(getComputedStyle(bubbles[1]!).direction).to.equal('ltr');
  });

  it('shows the author and time once per run, and a date line when the day changes', async () => {
    const day1 = '2026-03-01T10:00:00Z';
    const at = (iso: string, mins: number) => new Date(Date.parse(iso) + mins * 60000).toISOString();
    const staff = { kind: 'member' as const, id: 'u2', name: 'Sam' };
    const el = await mount('parley-message-list', {
      viewerId: 'me',
      messages: [
        makeMessage(1, { createdAt: day1 }), makeMessage(2, { createdAt: at(day1, 1) }),
        makeMessage(3, { createdAt: at(day1, 2), author: staff }), makeMessage(4, { createdAt: at(day1, 30), author: staff }),
        makeMessage(5, { createdAt: at(day1, 24 * 60) }),
      ],
    });
    const metas = [...el.shadowRoot!.querySelectorAll('li[data-seq]')].map((li) => Boolean(li.querySelector('.meta')));
    expect(metas).to.deep.equal([true, false, true, true, true]);
    const days = el.shadowRoot!.querySelectorAll('li.day');
    expect(days.length).to.equal(2);
    expect(days[1]!.nextElementSibling!.getAttribute('data-seq')).to.equal('5');
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

  it('shows notes in their place in a distinct, labelled style, apart from replies and receipts', async () => {
    const mine = (seq: number) => makeMessage(seq, { author: { kind: 'member', id: 'me', name: 'Mia' } });
    const note = makeMessage(1, { id: 'n1', internal: true, afterSeq: 1, body: 'refund approved by finance', author: { kind: 'member', id: 'me', name: 'Mia' } });
    const el = await mount('parley-message-list', { messages: [makeMessage(1), note, mine(2)], viewerId: 'me', readSeq: 2 });
    const items = [...el.shadowRoot!.querySelectorAll('li[data-seq]')];
    expect(items.map((li) => li.classList.contains('note'))).to.deep.equal([false, true, false]);
    const shown = items[1]!;
    expect(shown.getAttribute('data-internal')).to.equal('true');
    expect(shown.querySelector('.note-label')!.textContent).to.equal('Internal note');
    expect(shown.querySelector('.state')).to.equal(null);
    // Seen stays on the public reply; the note starts its own group even from the same author.
    expect(items[2]!.querySelector('.state')!.getAttribute('data-state')).to.equal('read');
    expect(items[2]!.classList.contains('first')).to.equal(true);
    const bg = getComputedStyle(shown.querySelector('.bubble')!);
    expect(bg.borderStyle).to.equal('dashed');
    expect(bg.backgroundColor).to.not.equal(getComputedStyle(items[2]!.querySelector('.bubble')!).backgroundColor);
  });

  it('shows an unsent message\'s files while it is sending, and no empty bubble when it has no text', async () => {
    const file = { id: 'a1', ticketId: 't1', name: 'invoice.pdf', type: 'application/pdf', size: 2048, url: '/api/attachments/a1?exp=1&sig=x' };
    const el = await mount('parley-message-list', {
      viewerId: 'me',
      pending: [{ clientId: 'c1', ticketId: 't1', body: '', state: 'sending', tries: 0, attachments: [file] }],
    });
    const li = el.shadowRoot!.querySelector('li[data-client-id=c1]')!;
    expect(li.querySelector('.bubble')).to.equal(null);
    const item = li.querySelector('parley-attachment')!;
    await settle(item);
    expect(item.shadowRoot!.querySelector('.name')!.textContent).to.equal('invoice.pdf');
    expect(item.shadowRoot!.querySelector('.meta')!.textContent).to.equal('PDF · 2.0 KiB');
    expect(li.querySelector('[data-state=sending]')).to.not.equal(null);
  });
});
