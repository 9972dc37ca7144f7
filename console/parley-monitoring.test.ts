import { expect } from 'chai';
import type { Stats } from '../protocol/index.ts';
import './parley-monitoring.ts';
import { cleanup, mount, stubFetch, until } from './test/fixtures.ts';

function stats(over: Partial<Stats['server']> = {}): Stats {
  return {
    connections: { customers: 7, members: 3, admins: 1 },
    tickets: { open: 4, assigned: 2, rejected: 1, closed: 9 },
    messagesPerMinute: Array.from({ length: 60 }, (_, i) => i % 7),
    firstResponseSeconds: { avg: 95, p50: 60, p90: 240 },
    businessHours: false,
    resolutionSeconds: { avg: 5400, p50: 3600, p90: null },
    csat: { overall: null, byMember: [], byCategory: [], byWeek: [] },
    routing: { members: [], waiting: 0, longestWaitSeconds: null, queues: [] },
    server: {
      uptimeSeconds: 7200, rssBytes: 150 * 1024 * 1024, heapUsedBytes: 60 * 1024 * 1024, eventLoopLagMs: 1.7,
      database: { kind: 'pglite', ok: true, latencyMs: 0.8 }, instanceId: 'i-1', ...over,
    },
  };
}

describe('parley-monitoring', () => {
  let restore = () => {};
  afterEach(() => {
    cleanup();
    restore();
  });

  it('draws figures, the per-minute chart and tickets by status from /api/stats', async () => {
    restore = stubFetch((url) => (url.pathname === '/api/stats' ? { body: stats() } : undefined));
    const el = await mount('parley-monitoring');
    const root = el.shadowRoot!;
    await until(() => root.querySelector('.figure'), 'figures');
    const text = root.textContent!.replace(/\s+/g, ' ');
    expect(text).to.contain('Customers online 7');
    expect(text).to.contain('3 members · 1 admin');
    expect(text).to.contain('Healthy');
    expect(text).to.contain('150.0 MiB');
    const bars = root.querySelector<HTMLElement & { values: number[] }>('#mpm')!;
    expect(bars.values.length).to.equal(60);
    await (bars as unknown as { updateComplete: Promise<void> }).updateComplete;
    expect(bars.shadowRoot!.querySelectorAll('rect').length).to.equal(60);
    const widths = [...root.querySelectorAll<HTMLElement>('.fill.open, .fill.closed')].map((f) => parseFloat(f.style.width));
    expect(widths[0]).to.be.closeTo(25, 0.01);
    expect(widths[1]).to.be.closeTo(56.25, 0.01);
  });

  it('says whether response times count business hours', async () => {
    restore = stubFetch(() => ({ body: stats() }));
    let root = (await mount('parley-monitoring')).shadowRoot!;
    expect((await until(() => root.querySelector('#time-basis'), 'the time basis')).textContent).to.contain('wall-clock time over the last 30 days');
    restore();
    cleanup();
    restore = stubFetch(() => ({ body: { ...stats(), businessHours: true } }));
    root = (await mount('parley-monitoring')).shadowRoot!;
    expect((await until(() => root.querySelector('#time-basis'), 'the time basis')).textContent).to.contain('business hours only for sites with opening hours');
  });

  it('shows customer satisfaction by member, category and week, and says when there is none', async () => {
    const g = (key: string, label: string, ratings: number, average: number, satisfiedShare: number) => ({ key, label, ratings, average, satisfiedShare });
    const csat = {
      overall: g('all', 'all', 3, 4.33, 0.667),
      byMember: [g('u1', 'Maya', 2, 5, 1), g('', '', 1, 3, 0)],
      byCategory: [g('Billing', 'Billing', 3, 4.33, 0.667)],
      byWeek: [g('2026-11-23', '2026-11-23', 3, 4.33, 0.667)],
    };
    restore = stubFetch(() => ({ body: { ...stats(), csat } }));
    const el = await mount('parley-monitoring');
    const root = el.shadowRoot!;
    const card = await until(() => root.querySelector('.csat'), 'the CSAT card');
    expect(card.textContent!.replace(/\s+/g, ' ')).to.contain('3 ratings in 12 weeks · average 4.3 / 5 · 67% rated 4 or 5');
    const rows = (caption: string) => [...[...card.querySelectorAll('table')].find((t) => t.caption!.textContent === caption)!.tBodies[0]!.rows].map((r) => r.textContent!.replace(/\s+/g, ' ').trim());
    expect(rows('By member')).to.deep.equal(['Maya25.0100%', 'nobody13.00%']);
    expect(rows('By category')).to.deep.equal(['Billing34.367%']);
    expect(rows('By week')).to.deep.equal(['2026-11-2334.367%']);
    cleanup();
    restore();
    restore = stubFetch(() => ({ body: stats() }));
    const empty = (await mount('parley-monitoring')).shadowRoot!;
    expect((await until(() => empty.querySelector('.csat'))).textContent).to.contain('No ratings in the last 12 weeks');
    expect(empty.querySelector('.csat table')).to.equal(null);
  });

  it('shows a database failure and keeps polling into a history', async () => {
    restore = stubFetch(() => ({ body: stats({ database: { kind: 'postgresql', ok: false, latencyMs: null } }) }));
    const el = await mount('parley-monitoring', { interval: 30 });
    await until(() => el.history.length >= 3, 'three samples');
    expect(el.shadowRoot!.textContent).to.contain('Unreachable');
    expect(el.shadowRoot!.querySelector('.dot.bad')).to.not.equal(null);
  });

  it('shows an error state when the stats cannot be loaded', async () => {
    restore = stubFetch(() => ({ status: 500, body: { error: { code: 'internal', message: 'Database is down' } } }));
    const el = await mount('parley-monitoring');
    const state = await until(() => el.shadowRoot!.querySelector('parley-state[kind=error]'), 'error state');
    expect(state.getAttribute('message')).to.equal('Database is down');
  });
});
