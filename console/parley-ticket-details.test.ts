import { expect } from 'chai';
import type { Ticket } from '../protocol/index.ts';
import './parley-ticket-details.ts';
import { cleanup, mount, stubFetch, until } from './test/fixtures.ts';

const ticket = (over: Partial<Ticket> = {}): Ticket => ({
  id: 't1', siteId: 's1', customer: { id: 'c1', name: 'Lena' }, category: 'Billing', urgency: 'high', description: 'VAT',
  status: 'closed', assignee: { id: 'u1', name: 'Maya' }, rejectReason: null, createdAt: '2026-01-01T10:00:00Z',
  acceptedAt: null, rejectedAt: null, closedAt: '2026-01-01T11:00:00Z', lastSeq: 3, ...over,
});

describe('parley-ticket-details: the customer’s rating', () => {
  let restore = () => {};
  afterEach(() => {
    cleanup();
    restore();
  });

  it('shows the rating of a closed ticket, and asks nothing for an open one', async () => {
    const asked: string[] = [];
    restore = stubFetch((url) => {
      asked.push(url.pathname);
      return { body: { rating: url.pathname.includes('t1') ? { ticketId: 't1', score: 4, comment: 'Fast <b>help</b>', createdAt: '2026-01-02T10:00:00Z' } : null } };
    });
    const el = await mount('parley-ticket-details', { ticket: ticket({ status: 'assigned', closedAt: null }) });
    await new Promise((r) => setTimeout(r, 50));
    expect(asked).to.deep.equal([]);
    el.ticket = ticket();
    const rating = await until(() => el.shadowRoot!.querySelector('.rating'), 'the rating');
    expect(rating.querySelector('span')!.getAttribute('aria-label')).to.equal('4 out of 5');
    expect(rating.querySelector('q')!.textContent).to.equal('Fast <b>help</b>');
    expect(asked).to.deep.equal(['/api/tickets/t1/rating']);
    el.ticket = ticket({ id: 't2' });
    await until(() => !el.shadowRoot!.querySelector('.rating'), 'no rating for t2');
  });
});
