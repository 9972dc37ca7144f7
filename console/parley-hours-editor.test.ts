import { expect } from 'chai';
import type { Site } from '../protocol/index.ts';
import { formatHours, parseHours } from './hours-text.ts';
import './parley-sites.ts';
import { cleanup, mount, stubFetch, until } from './test/fixtures.ts';

const site = (over: Partial<Site> = {}): Site => ({
  id: 's1', name: 'Shop', key: 'site_abc', secret: 'sec-1', origins: ['https://shop.example'], categories: ['General'],
  requireIdentity: false, routing: 'manual', snippet: '<script></script>', createdAt: '2026-01-01T00:00:00Z', ...over,
});
const draft = (weekly: string, timeZone = 'Europe/Berlin', closedDates = '') => ({ timeZone, weekly, closedDates });

describe('opening hours text', () => {
  it('reads day ranges, wrap-around ranges and closed dates, and formats them back', () => {
    const r = parseHours(draft('Mon-Wed 09:00-17:00\nsat 22:00-02:00\nFri-Sun 10:00-24:00', 'America/New_York', '2026-12-24, 2026-12-25'));
    expect(r).to.deep.equal({ hours: { timeZone: 'America/New_York', closedDates: ['2026-12-24', '2026-12-25'], weekly: [
      { day: 1, from: '09:00', to: '17:00' }, { day: 2, from: '09:00', to: '17:00' }, { day: 3, from: '09:00', to: '17:00' },
      { day: 6, from: '22:00', to: '02:00' },
      { day: 5, from: '10:00', to: '24:00' }, { day: 6, from: '10:00', to: '24:00' }, { day: 0, from: '10:00', to: '24:00' },
    ] } });
    if (!('hours' in r) || !r.hours) throw new Error('parsed');
    expect(formatHours(r.hours).weekly.split('\n')[0]).to.equal('Mon 09:00-17:00');
    expect(parseHours(formatHours(r.hours))).to.deep.equal(r);
  });

  it('means no hours when every field is empty', () => {
    expect(parseHours(draft('', ' '))).to.deep.equal({ hours: null });
  });

  it('refuses bad zones, days, times, spans and dates', () => {
    const error = (d: ReturnType<typeof draft>) => ('error' in parseHours(d) ? (parseHours(d) as { error: string }).error : 'accepted');
    expect(error(draft('Mon 09:00-17:00', 'Mars/Olympus'))).to.contain('not a known time zone');
    expect(error(draft('Mon 09:00-17:00', ''))).to.contain('not a known time zone');
    expect(error(draft('Funday 09:00-17:00'))).to.contain('like "Mon-Fri 09:00-17:00"');
    expect(error(draft('Mon 9-17'))).to.contain('like "Mon-Fri 09:00-17:00"');
    expect(error(draft('Mon 09:00-25:00'))).to.contain('00:00 to 24:00');
    expect(error(draft('Mon 24:00-02:00'))).to.contain('00:00 to 24:00');
    expect(error(draft('Mon 09:00-09:00'))).to.contain('same time');
    expect(error(draft(''))).to.contain('at least one opening span');
    expect(error(draft(Array(5).fill('Mon-Sun 09:00-10:00').join('\n')))).to.contain('At most 28 spans');
    expect(error(draft('Mon 09:00-17:00', 'Europe/Berlin', '24.12.2026'))).to.contain('YYYY-MM-DD');
  });
});

describe('parley-sites opening hours', () => {
  let restore = () => {};
  afterEach(() => {
    cleanup();
    restore();
  });

  function serve(patches: unknown[], refuse = false) {
    restore = stubFetch((url, init) => {
      if (init?.method === 'PATCH' && url.pathname === '/api/sites/s1') {
        const patch = JSON.parse(String(init.body));
        patches.push(patch);
        return refuse ? { status: 400, body: { error: { code: 'invalid_input', message: 'hours.timeZone is not a known IANA time zone (like Europe/Berlin)' } } } : { body: site(patch) };
      }
      return url.pathname === '/api/sites' ? { body: { sites: [site({ hours: { timeZone: 'Europe/Berlin', weekly: [{ day: 1, from: '09:00', to: '17:00' }] } })] } } : undefined;
    });
  }
  async function editor() {
    const el = await mount('parley-sites');
    const card = await until(() => el.shadowRoot!.querySelector('[data-site=site_abc]'), 'site');
    const ed = card.querySelector('parley-hours-editor')!;
    await ed.updateComplete;
    const q = <T extends Element>(s: string) => ed.shadowRoot!.querySelector<T>(s)!;
    return { ed, q, save: () => [...ed.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent === 'Save hours')!.click() };
  }

  it('shows the saved hours, refuses bad input without saving, then saves with a PATCH', async () => {
    const patches: unknown[] = [];
    serve(patches);
    const { ed, q, save } = await editor();
    expect(q<HTMLInputElement>('input[aria-label="Time zone of Shop"]').value).to.equal('Europe/Berlin');
    const weekly = q<HTMLTextAreaElement>('textarea[aria-label="Opening hours of Shop"]');
    expect(weekly.value).to.equal('Mon 09:00-17:00');
    weekly.value = 'Mon-Fri 9 to 5';
    save();
    await ed.updateComplete;
    expect(q('[role=alert]').textContent).to.contain('Line "Mon-Fri 9 to 5"');
    expect(patches).to.deep.equal([]);
    weekly.value = 'Mon-Tue 09:00-17:00';
    q<HTMLTextAreaElement>('textarea[aria-label="Closed dates of Shop"]').value = '2026-12-24';
    save();
    await until(() => patches.length, 'patch');
    expect(patches).to.deep.equal([{ hours: { timeZone: 'Europe/Berlin', closedDates: ['2026-12-24'], weekly: [{ day: 1, from: '09:00', to: '17:00' }, { day: 2, from: '09:00', to: '17:00' }] } }]);
    await until(() => !ed.shadowRoot!.querySelector('[role=alert]'), 'error cleared');
  });

  it('removes hours when the fields are emptied, and shows the server refusing', async () => {
    const patches: unknown[] = [];
    serve(patches, true);
    const { ed, q, save } = await editor();
    q<HTMLInputElement>('input[name=timeZone]').value = '';
    q<HTMLTextAreaElement>('textarea[name=weekly]').value = '';
    save();
    await until(() => patches.length, 'patch');
    expect(patches).to.deep.equal([{ hours: null }]);
    const alert = await until(() => ed.shadowRoot!.querySelector('[role=alert]'), 'server error');
    expect(alert.textContent).to.contain('not a known IANA time zone');
  });
});
