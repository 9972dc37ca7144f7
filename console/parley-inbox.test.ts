import { expect } from 'chai';
import type { ChatSummary } from '../protocol/index.ts';
import './parley-inbox.ts';
import { href } from './route.ts';
import { cleanup, makeMessage, makeTicket, mount, settle, stubFetch, until } from './test/fixtures.ts';

const chat = (n: number): ChatSummary => {
  const ticket = makeTicket({ id: `inbox-${n}`, labels: n === 1 ? ['vip'] : [], lastSeq: n % 2 });
  // The third conversation's last message is files only.
  const files = n === 3 ? { body: '', attachments: ['screenshot.png', 'log.txt'].map((name, i) => ({ id: `f${i}`, ticketId: ticket.id, name, type: 'image/png', size: 1, url: '' })) } : {};
  return { ticket, lastMessage: n % 2 ? makeMessage(1, { ticketId: ticket.id, body: `last words ${n}`, author: { kind: 'customer', id: 'c', name: 'Ada' }, ...files }) : null };
};

describe('parley-inbox', () => {
  let restore = () => {};
  afterEach(() => {
    cleanup();
    restore();
  });

  const rows = (el: HTMLElement) => [...el.shadowRoot!.querySelectorAll('li a')] as HTMLAnchorElement[];

  it('lists conversations with their last message, links to each, and pages on with the cursor', async () => {
    const asked: URLSearchParams[] = [];
    restore = stubFetch((url) => {
      if (url.pathname === '/api/labels') return { body: { labels: ['vip'] } };
      if (url.pathname === '/api/users') return { body: { users: [{ id: 'u1', name: 'Zoe', email: 'z@x', role: 'member', active: true }] } };
      if (url.pathname !== '/api/chats') return undefined;
      asked.push(url.searchParams);
      return url.searchParams.get('cursor') === 'p2'
        ? { body: { chats: [chat(3)], nextCursor: null } }
        : { body: { chats: [chat(1), chat(2)], nextCursor: 'p2' } };
    });
    const el = await mount('parley-inbox');
    await until(() => rows(el).length === 2, 'the first page');
    const [a, b] = rows(el);
    expect(a!.getAttribute('href')).to.equal(href({ name: 'ticket', id: 'inbox-1' }));
    expect(a!.textContent).to.contain('Ada: last words 1').and.contain('vip');
    // No message yet: the description stands in.
    expect(b!.querySelector('.last')!.textContent).to.match(/^Problem number \d+$/);
    expect(el.shadowRoot!.querySelector('[role=status]')!.textContent).to.equal('2+ conversations');
    el.shadowRoot!.querySelector<HTMLButtonElement>('.more button')!.click();
    await until(() => rows(el).length === 3, 'the second page');
    expect(rows(el)[2]!.querySelector('.last')!.textContent).to.equal('Ada: 📎 screenshot.png +1');
    expect(asked.map((q) => q.get('cursor'))).to.deep.equal([null, 'p2']);
    expect(el.shadowRoot!.querySelector('.more')).to.equal(null);
    expect(el.shadowRoot!.querySelector('[role=status]')!.textContent).to.equal('3 conversations');
  });

  it('filters by status, label and member, starting again from the first page', async () => {
    const asked: URLSearchParams[] = [];
    restore = stubFetch((url) => {
      if (url.pathname === '/api/labels') return { body: { labels: ['vip'] } };
      if (url.pathname === '/api/users') return { body: { users: [{ id: 'u1', name: 'Zoe', email: 'z@x', role: 'member', active: true }] } };
      asked.push(url.searchParams);
      return { body: { chats: url.searchParams.get('assignee') === 'u1' ? [] : [chat(5)], nextCursor: null } };
    });
    const el = await mount('parley-inbox');
    await until(() => rows(el).length === 1, 'a row');
    await until(() => el.shadowRoot!.querySelectorAll('option[value=u1]').length === 1, 'the members');
    const pick = async (label: string, value: string) => {
      const select = [...el.shadowRoot!.querySelectorAll('label')].find((l) => l.textContent!.trim().startsWith(label))!.querySelector('select')!;
      select.value = value;
      select.dispatchEvent(new Event('change'));
      await settle(el);
    };
    await pick('Status', 'assigned');
    await pick('Label', 'vip');
    await pick('Member', 'u1');
    await until(() => el.shadowRoot!.querySelector('parley-state')?.getAttribute('heading') === 'No conversations match', 'the empty state');
    const last = asked.at(-1)!;
    expect([last.get('status'), last.get('label'), last.get('assignee'), last.get('cursor')]).to.deep.equal(['assigned', 'vip', 'u1', null]);
  });

  it('reloads the first page on each tick of the clock, but not once the admin has paged on', async () => {
    let calls = 0;
    restore = stubFetch((url) => {
      if (url.pathname !== '/api/chats') return { body: url.pathname === '/api/labels' ? { labels: [] } : { users: [] } };
      calls++;
      return { body: { chats: calls === 1 ? [chat(7)] : [chat(8), chat(7)], nextCursor: url.searchParams.get('cursor') ? null : 'more' } };
    });
    const el = await mount('parley-inbox', { now: 1000 });
    await until(() => rows(el).length === 1, 'the first page');
    el.now = 31000;
    await until(() => rows(el).length === 2, 'the reloaded page');
    expect(rows(el)[0]!.getAttribute('data-ticket')).to.equal('inbox-8');
    el.shadowRoot!.querySelector<HTMLButtonElement>('.more button')!.click();
    await until(() => rows(el).length === 4, 'the second page');
    const before = calls;
    el.now = 61000;
    await settle(el);
    expect(calls).to.equal(before);
    expect(rows(el).length).to.equal(4);
  });
});
