import { expect } from 'chai';
import type { Team } from '../protocol/index.ts';
import './parley-queue.ts';
import { cleanup, makeTicket, mount, stubFetch, until } from './test/fixtures.ts';

const teams: Team[] = [
  { id: 't1', name: 'Billing desk', memberIds: ['me'], categories: ['Billing'], createdAt: '2026-01-01T00:00:00Z' },
  { id: 't2', name: 'Tech', memberIds: ['someone'], categories: ['Technical'], createdAt: '2026-01-01T00:00:00Z' },
];
const tickets = [makeTicket({ category: 'Billing', description: 'invoice wrong' }), makeTicket({ category: 'Technical', description: 'app crashes' }), makeTicket({ category: 'General', description: 'hello' })];
const rows = (el: HTMLElement) => [...el.shadowRoot!.querySelector('parley-ticket-table')?.shadowRoot?.querySelectorAll('tbody tr') ?? []].map((r) => r.textContent!);

describe('parley-queue', () => {
  let restore = () => {};
  afterEach(() => {
    cleanup();
    restore();
  });

  it('shows a team member their teams\' open tickets first, and every ticket when they untick it', async () => {
    restore = stubFetch((url) => (url.pathname === '/api/teams' ? { body: { teams } } : undefined));
    const el = await mount('parley-queue', { mode: 'open', userId: 'me', tickets, loaded: true });
    const box = await until(() => el.shadowRoot!.querySelector<HTMLInputElement>('input[type=checkbox]'), 'the filter');
    expect(box.checked).to.equal(true);
    expect(box.parentElement!.textContent).to.contain('My teams first');
    await until(() => rows(el).length === 1, 'filtered rows');
    expect(rows(el)[0]).to.contain('invoice wrong');
    expect(el.shadowRoot!.querySelector('.others')!.textContent).to.contain('2 more open outside your teams');
    box.click();
    await until(() => rows(el).length === 3, 'all rows');
  });

  it('offers no filter to a member in no team, or when teams cannot load', async () => {
    restore = stubFetch((url) => (url.pathname === '/api/teams' ? { body: { teams } } : undefined));
    const el = await mount('parley-queue', { mode: 'open', userId: 'loner', tickets, loaded: true });
    await until(() => rows(el).length === 3, 'rows');
    expect(el.shadowRoot!.querySelector('input[type=checkbox]')).to.equal(null);
    restore();
    restore = stubFetch(() => ({ status: 500, body: { error: { code: 'internal', message: 'down' } } }));
    const other = await mount('parley-queue', { mode: 'open', userId: 'me', tickets, loaded: true });
    await until(() => rows(other).length === 3, 'rows');
    expect(other.shadowRoot!.querySelector('input[type=checkbox]')).to.equal(null);
  });
});
