import { expect } from 'chai';
import type { SearchResult } from '../protocol/index.ts';
import './parley-search-box.ts';
import './parley-search-results.ts';
import { href, parseRoute } from './route.ts';
import { cleanup, makeTicket, mount, record, settle, stubFetch, until } from './test/fixtures.ts';

const result = (over: Partial<SearchResult> = {}): SearchResult => ({ ticket: makeTicket(), snippet: 'plain', highlights: [], match: 'text', ...over });

describe('parley-search-results', () => {
  let restore = () => {};
  afterEach(() => {
    cleanup();
    restore();
  });

  const items = (el: HTMLElement) => [...el.shadowRoot!.querySelectorAll('li a')] as HTMLAnchorElement[];
  const marks = (a: Element) => [...a.querySelector('parley-snippet')!.shadowRoot!.querySelectorAll('mark')].map((m) => m.textContent);

  it('lists results as links to their conversations with the matched words marked, user markup kept as text', async () => {
    const t = makeTicket({ status: 'assigned', customer: { id: 'c9', name: 'Lena' } });
    const snippet = 'the <img src=x onerror="window.hacked=1"> refund never came';
    const queries: URLSearchParams[] = [];
    restore = stubFetch((url) => {
      if (url.pathname !== '/api/search') return undefined;
      queries.push(url.searchParams);
      return { body: { results: [result({ ticket: t, snippet, highlights: [[snippet.indexOf('refund'), snippet.indexOf('refund') + 6]] }), result({ match: 'email' }), result({ internal: true })] } };
    });
    const el = await mount('parley-search-results', { q: ' refund ' });
    await until(() => items(el).length === 3, 'three results');
    expect(queries[0]!.get('q')).to.equal('refund');
    const [first, second, note] = items(el);
    expect(note!.textContent).to.contain('Internal note');
    expect(first!.textContent).not.to.contain('Internal note');
    expect(first!.getAttribute('href')).to.equal(href({ name: 'ticket', id: t.id }));
    expect(first!.textContent).to.contain('Lena').and.contain('assigned');
    await settle(first!.querySelector('parley-snippet')!);
    expect(marks(first!)).to.deep.equal(['refund']);
    const shown = first!.querySelector('parley-snippet')!.shadowRoot!;
    expect(shown.textContent).to.contain('<img src=x');
    expect(shown.querySelector('img')).to.equal(null);
    expect((window as unknown as { hacked?: number }).hacked).to.equal(undefined);
    expect(second!.textContent).to.contain('Customer email');
    expect(el.shadowRoot!.querySelector('[role=status]')!.textContent).to.equal('3 results for “ refund ”');
  });

  it('searches again with a status filter, and says when nothing matches', async () => {
    const statuses: (string | null)[] = [];
    restore = stubFetch((url) => {
      statuses.push(url.searchParams.get('status'));
      return { body: { results: url.searchParams.get('status') ? [] : [result()] } };
    });
    const el = await mount('parley-search-results', { q: 'x' });
    await until(() => items(el).length === 1, 'a result');
    const select = el.shadowRoot!.querySelector('select')!;
    select.value = 'closed';
    select.dispatchEvent(new Event('change'));
    await until(() => el.shadowRoot!.querySelector('parley-state')?.getAttribute('heading') === 'No tickets match', 'the empty state');
    expect(statuses).to.deep.equal([null, 'closed']);
  });

  it('shows the server\'s refusal as an error with a retry', async () => {
    let fail = true;
    restore = stubFetch(() => (fail ? { status: 413, body: { error: { code: 'too_large', message: 'q is longer than 200 characters' } } } : { body: { results: [result()] } }));
    const el = await mount('parley-search-results', { q: 'x'.repeat(300) });
    const state = await until(() => el.shadowRoot!.querySelector('parley-state[kind=error]'), 'the error');
    expect(state.getAttribute('message')).to.contain('longer than 200');
    fail = false;
    state.dispatchEvent(new CustomEvent('parley-retry', { bubbles: true, composed: true }));
    await until(() => items(el).length === 1, 'a result after retry');
  });
});

describe('parley-search-box', () => {
  afterEach(cleanup);

  it('sends the trimmed text on Enter and nothing for blanks; the route carries any text', async () => {
    const el = await mount('parley-search-box');
    const seen = record<string>(el, 'parley-search');
    const input = el.shadowRoot!.querySelector('input')!;
    const submit = () => el.shadowRoot!.querySelector('form')!.requestSubmit();
    input.value = '   ';
    submit();
    input.value = '  "late parcel" -refund ';
    submit();
    expect(seen).to.deep.equal(['"late parcel" -refund']);
    expect(parseRoute(href({ name: 'search', q: seen[0]! }))).to.deep.equal({ name: 'search', q: '"late parcel" -refund' });
    expect(parseRoute('#/search/100%')).to.deep.equal({ name: 'search', q: '100%' });
    el.focusField();
    expect(el.shadowRoot!.activeElement).to.equal(input);
  });
});
