import { expect } from 'chai';
import './parley-ticket-table.ts';
import { cleanup, makeTicket, mount, record, settle } from './test/fixtures.ts';

describe('parley-ticket-table', () => {
  afterEach(cleanup);

  const rows = (el: HTMLElement) => [...el.shadowRoot!.querySelectorAll('tbody tr')].map((r) => r.getAttribute('data-ticket'));

  it('puts the most urgent first and marks urgent rows', async () => {
    const low = makeTicket({ urgency: 'low' });
    const urgent = makeTicket({ urgency: 'urgent' });
    const high = makeTicket({ urgency: 'high' });
    const el = await mount('parley-ticket-table', { tickets: [low, urgent, high] });
    expect(rows(el)).to.deep.equal([urgent.id, high.id, low.id]);
    const first = el.shadowRoot!.querySelector('tbody tr')!;
    expect(first.classList.contains('urgent')).to.equal(true);
    expect(first.querySelector('.badge')!.textContent).to.equal('urgent');
  });

  it('sorts by a column when its header is clicked, and reverses on a second click', async () => {
    const a = makeTicket({ category: 'Account' });
    const c = makeTicket({ category: 'Technical' });
    const b = makeTicket({ category: 'Billing' });
    const el = await mount('parley-ticket-table', { tickets: [a, c, b] });
    const header = () => [...el.shadowRoot!.querySelectorAll('th')].find((th) => th.textContent!.includes('Category'))!;
    header().querySelector('button')!.click();
    await settle(el);
    expect(header().getAttribute('aria-sort')).to.equal('ascending');
    expect(rows(el)).to.deep.equal([a.id, b.id, c.id]);
    header().querySelector('button')!.click();
    await settle(el);
    expect(header().getAttribute('aria-sort')).to.equal('descending');
    expect(rows(el)).to.deep.equal([c.id, b.id, a.id]);
  });

  it('emits accept and reject with the ticket, and disables a busy row', async () => {
    const t = makeTicket();
    const el = await mount('parley-ticket-table', { tickets: [t] });
    const accepted = record(el, 'parley-accept');
    const rejected = record(el, 'parley-reject');
    const [accept, reject] = el.shadowRoot!.querySelectorAll<HTMLButtonElement>('tbody button');
    accept!.click();
    reject!.click();
    expect(accepted).to.deep.equal([t]);
    expect(rejected).to.deep.equal([t]);
    el.busy = new Set([t.id]);
    await settle(el);
    expect(accept!.disabled).to.equal(true);
  });

  it('shows unread counts in "mine" mode and renders customer text as text', async () => {
    const t = makeTicket({ status: 'assigned', lastSeq: 7, readSeq: 4, description: '<img src=x onerror="window.__pwned=1">' });
    const el = await mount('parley-ticket-table', { tickets: [t], mode: 'mine' });
    expect(el.shadowRoot!.querySelector('.badge.count')!.textContent!.trim()).to.equal('3');
    expect(el.shadowRoot!.querySelector('img')).to.equal(null);
    expect(el.shadowRoot!.querySelector('.desc')!.textContent).to.contain('<img');
    expect(el.shadowRoot!.querySelector('tbody button')!.textContent).to.equal(`Open chat with ${t.customer.name}`);
  });

  it('gives action buttons accessible names that start with their visible text (no aria-label)', async () => {
    const el = await mount('parley-ticket-table', { tickets: [makeTicket({ customer: { id: 'c', name: 'Ada' } })] });
    const [accept, reject] = el.shadowRoot!.querySelectorAll<HTMLButtonElement>('tbody button');
    expect(accept!.hasAttribute('aria-label')).to.equal(false);
    expect(accept!.textContent).to.equal('Accept ticket from Ada');
    expect(accept!.querySelector('.visually-hidden')!.textContent).to.equal(' ticket from Ada');
    expect(reject!.textContent!.startsWith('Reject')).to.equal(true);
  });

  it('opens a ticket from a click anywhere on its row, but a button click does only its own job', async () => {
    const t = makeTicket();
    const el = await mount('parley-ticket-table', { tickets: [t] });
    const opened = record(el, 'parley-open');
    const accepted = record(el, 'parley-accept');
    el.shadowRoot!.querySelector<HTMLElement>('tbody td.age')!.click();
    expect(opened).to.deep.equal([t]);
    el.shadowRoot!.querySelector<HTMLButtonElement>('tbody button')!.click();
    expect(opened.length).to.equal(1);
    expect(accepted).to.deep.equal([t]);
  });

  it('moves with j and k, opens with Enter, accepts with a, and ignores keys typed in a field', async () => {
    const [a, b] = [makeTicket({ urgency: 'urgent' }), makeTicket({ urgency: 'low' })];
    const el = await mount('parley-ticket-table', { tickets: [a, b] });
    const opened = record(el, 'parley-open');
    const accepted = record(el, 'parley-accept');
    const press = async (key: string, target: EventTarget = document.body) => {
      target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true, cancelable: true }));
      await settle(el);
    };
    const selected = () => el.shadowRoot!.querySelector('tr.selected')?.getAttribute('data-ticket');
    await press('j');
    expect(selected()).to.equal(a.id);
    await press('j');
    await press('j');
    expect(selected()).to.equal(b.id);
    expect(el.shadowRoot!.activeElement?.getAttribute('data-ticket')).to.equal(b.id);
    await press('k');
    expect(selected()).to.equal(a.id);
    await press('Enter');
    await press('a');
    expect(opened).to.deep.equal([a]);
    expect(accepted).to.deep.equal([a]);
    const field = document.createElement('input');
    document.body.append(field);
    await press('j', field);
    await press('a', field);
    field.remove();
    expect(selected()).to.equal(a.id);
    expect(accepted.length).to.equal(1);
  });
});
