import { expect } from 'chai';
import type { CustomerDetails } from '../protocol/index.ts';
import './parley-customer-panel.ts';
import { cleanup, makeTicket, mount, stubFetch, until } from './test/fixtures.ts';

const UA = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36';

function details(over: Partial<CustomerDetails['customer']> = {}): CustomerDetails {
  const current = makeTicket({ id: 'now' });
  const older = makeTicket({ id: 'old', status: 'closed', description: 'Refund for order 77' });
  return {
    customer: {
      id: 'c1', name: 'Ada Lovelace', email: 'ada@example.com', verified: true,
      attributes: { plan: 'pro', seats: 12, trial: false },
      context: { pageUrl: 'https://shop.example/orders/9', pageTitle: 'Order 9', locale: 'en-GB', timeZone: 'Asia/Tokyo', userAgent: UA },
      firstSeenAt: '2026-01-02T10:00:00Z', lastSeenAt: new Date(Date.now() - 3 * 3600_000).toISOString(), online: false, ...over,
    },
    tickets: [{ ...current, openedOn: { url: 'https://shop.example/checkout', title: 'Checkout' } }, { ...older, openedOn: null }],
  };
}

describe('parley-customer-panel', () => {
  let restore = () => {};
  afterEach(() => {
    cleanup();
    restore();
  });

  async function show(d: CustomerDetails) {
    const asked: string[] = [];
    restore = stubFetch((url) => (asked.push(url.pathname), url.pathname === '/api/customers/c1' ? { body: d } : undefined));
    const el = await mount('parley-customer-panel', { customerId: 'c1', ticketId: 'now' });
    await until(() => el.shadowRoot!.querySelector('section'), 'the details');
    return { el, root: el.shadowRoot!, asked };
  }
  const facts = (root: ShadowRoot) => Object.fromEntries([...root.querySelectorAll('dl:not(.attributes) dt')].map((dt) => [dt.textContent, dt.nextElementSibling!.textContent!.trim()]));

  it('shows who the customer is, where they opened the ticket, their browser, local time and attributes', async () => {
    const { root, asked } = await show(details());
    expect(asked).to.deep.equal(['/api/customers/c1']);
    expect(root.querySelector('h2')!.textContent).to.equal('Ada Lovelace');
    expect(root.querySelector('.badge.verified')!.textContent).to.equal('Verified ID');
    const f = facts(root);
    // The identity hash never covers the email: it says so beside it.
    expect(f.Email).to.equal('ada@example.com (not verified)');
    expect(f['Opened on']).to.equal('Checkout');
    expect(f['Now on']).to.equal('Order 9');
    expect(f.Browser).to.equal('Chrome 124.0.0.0 on Windows 10');
    expect(f['Local time']).to.contain('(Asia/Tokyo)');
    const link = root.querySelector<HTMLAnchorElement>('a[href="https://shop.example/checkout"]')!;
    expect(link.rel).to.contain('noopener');
    const attrs = [...root.querySelectorAll('.attributes dt')].map((dt) => `${dt.textContent}=${dt.nextElementSibling!.textContent}`);
    expect(attrs).to.deep.equal(['plan=pro', 'seats=12', 'trial=false']);
    expect(root.querySelector('.presence')!.textContent).to.equal('Last seen 3 h ago');
  });

  it('lists the other tickets as links to their conversations, not the one shown', async () => {
    const { root } = await show(details({ online: true }));
    const links = [...root.querySelectorAll<HTMLAnchorElement>('.tickets a')];
    expect(links.map((a) => a.getAttribute('href'))).to.deep.equal(['#/tickets/old']);
    expect(links[0]!.textContent).to.contain('Refund for order 77');
    expect(root.querySelector('.presence')!.textContent).to.equal('Online now');
  });

  it('renders what the site passed as text, and never links a non-http address', async () => {
    const d = details({ name: '<img src=x onerror=alert(1)>', verified: false, attributes: { note: '<b>hi</b>' }, context: { pageUrl: 'javascript:alert(1)' } });
    d.tickets[0]!.openedOn = { url: 'javascript:alert(2)', title: 'x' };
    const { root } = await show(d);
    expect(root.querySelector('img, b')).to.equal(null);
    expect(root.querySelector('h2')!.textContent).to.equal('<img src=x onerror=alert(1)>');
    expect(root.querySelector('a[href^="javascript"]')).to.equal(null);
    expect(root.querySelector('.badge')!.textContent).to.equal('Not verified');
  });

  it('says so when the details cannot load', async () => {
    restore = stubFetch(() => ({ status: 403, body: { error: { code: 'forbidden', message: 'only support staff can read customer details' } } }));
    const el = await mount('parley-customer-panel', { customerId: 'c1' });
    const p = await until(() => el.shadowRoot!.querySelector('[role=status]'), 'the error');
    expect(p.textContent).to.contain('only support staff');
  });
});
