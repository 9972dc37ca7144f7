import { expect } from 'chai';
import type { Site } from '../protocol/index.ts';
import { categoryDraft, categorySettings, languageKey } from './category-settings.ts';
import './parley-sites.ts';
import { cleanup, mount, stubFetch, until } from './test/fixtures.ts';

const site = (over: Partial<Site> = {}): Site => ({
  id: 's1', name: 'Shop', key: 'site_abc', secret: 'sec-1', origins: ['https://shop.example'], categories: ['Billing', 'Shipping'],
  categoryLabels: { ar: { Billing: 'الفواتير' } }, requireIdentity: false, routing: 'manual', snippet: '<script></script>', createdAt: '2026-01-01T00:00:00Z', ...over,
});

describe('category settings', () => {
  it('keeps names only for categories that remain, drops blank ones, and means null without any', () => {
    const d = categoryDraft(['Billing', 'Shipping'], { ar: { Billing: 'الفواتير', Shipping: ' الشحن ' }, de: { Shipping: '' } });
    expect(d.languages).to.deep.equal(['ar', 'de']);
    expect(categorySettings({ ...d, categories: ' Billing \n\nReturns' })).to.deep.equal({ categories: ['Billing', 'Returns'], categoryLabels: { ar: { Billing: 'الفواتير' } } });
    expect(categorySettings({ ...d, categories: 'Returns' })).to.deep.equal({ categories: ['Returns'], categoryLabels: null });
    expect(categorySettings(d)).to.deep.equal({ categories: ['Billing', 'Shipping'], categoryLabels: { ar: { Billing: 'الفواتير', Shipping: 'الشحن' } } });
  });

  it('refuses what the server would: no category, too many, too long, twice, a long name', () => {
    const error = (categories: string, names = {}) => {
      const r = categorySettings({ categories, languages: Object.keys(names), names });
      return 'error' in r ? r.error : 'accepted';
    };
    expect(error(' \n ')).to.contain('at least one category');
    expect(error(Array.from({ length: 31 }, (_, i) => `c${i}`).join('\n'))).to.contain('At most 30 categories');
    expect(error('x'.repeat(65))).to.contain('longer than 64');
    expect(error('Billing\nBilling')).to.contain('Billing is listed twice');
    expect(error('Billing', { ar: { Billing: 'ب'.repeat(65) } })).to.contain('The ar name of Billing');
  });

  it('turns a typed language into a key, or says why not', () => {
    expect(languageKey(' DE ', [])).to.deep.equal({ lang: 'de' });
    expect(languageKey('pt_BR', [])).to.have.property('error').that.contains('Use pt: the widget matches');
    expect(languageKey('Arabic', [])).to.have.property('error').that.contains('not a language tag');
    expect(languageKey('ar', ['ar'])).to.deep.equal({ error: 'ar is already there.' });
    expect(languageKey('de', Array.from({ length: 20 }, (_, i) => `l${String.fromCharCode(97 + i)}`))).to.deep.equal({ error: 'At most 20 languages.' });
  });
});

describe('parley-category-editor in parley-sites', () => {
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
        if (refuse) return { status: 400, body: { error: { code: 'invalid_input', message: 'categoryLabels must be keyed by a lowercase language tag like ar or pt-br' } } };
        return { body: site({ categories: patch.categories, categoryLabels: patch.categoryLabels ?? undefined }) };
      }
      return url.pathname === '/api/sites' ? { body: { sites: [site()] } } : undefined;
    });
  }
  async function editor() {
    const el = await mount('parley-sites');
    const card = await until(() => el.shadowRoot!.querySelector('[data-site=site_abc]'), 'site');
    const ed = card.querySelector('parley-category-editor')!;
    await ed.updateComplete;
    const q = <T extends Element>(s: string) => ed.shadowRoot!.querySelector<T>(s);
    const button = (text: string) => [...ed.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent!.trim() === text)!;
    const type = async (el: HTMLInputElement | HTMLTextAreaElement, value: string) => {
      el.value = value;
      el.dispatchEvent(new Event('input'));
      await ed.updateComplete;
    };
    return { ed, q, button, type };
  }

  it('shows the saved names in a grid, adds a language, and saves categories and names in one PATCH', async () => {
    const patches: unknown[] = [];
    serve(patches);
    const { ed, q, button, type } = await editor();
    expect(q<HTMLTextAreaElement>('textarea[aria-label="Categories of Shop"]')!.value).to.equal('Billing\nShipping');
    expect(q<HTMLInputElement>('input[aria-label="Billing in ar"]')!.value).to.equal('الفواتير');
    expect(q<HTMLInputElement>('input[aria-label="Shipping in ar"]')!.value).to.equal('');

    await type(q<HTMLInputElement>('input[name=lang]')!, 'Klingon');
    button('Add language').click();
    await ed.updateComplete;
    expect(q('[role=alert]')!.textContent).to.contain('not a language tag');
    await type(q<HTMLInputElement>('input[name=lang]')!, 'de');
    button('Add language').click();
    await ed.updateComplete;
    expect(q('[role=alert]'), 'the error goes with the next edit').to.equal(null);

    // A new category gets its row at once; names typed for it are saved with it.
    await type(q<HTMLTextAreaElement>('textarea[aria-label="Categories of Shop"]')!, 'Billing\nShipping\nReturns');
    await type(q<HTMLInputElement>('input[aria-label="Returns in de"]')!, 'Rücksendungen');
    await type(q<HTMLInputElement>('input[aria-label="Shipping in ar"]')!, 'الشحن');
    button('Save categories').click();
    await until(() => patches.length, 'patch');
    expect(patches).to.deep.equal([{ categories: ['Billing', 'Shipping', 'Returns'], categoryLabels: { ar: { Billing: 'الفواتير', Shipping: 'الشحن' }, de: { Returns: 'Rücksendungen' } } }]);
    await until(() => q<HTMLInputElement>('input[aria-label="Returns in de"]')?.value === 'Rücksendungen', 'the saved grid');
  });

  it('removes a language, refuses an empty list without saving, and shows the server refusing', async () => {
    const patches: unknown[] = [];
    serve(patches, true);
    const { ed, q, button, type } = await editor();
    const categories = q<HTMLTextAreaElement>('textarea[aria-label="Categories of Shop"]')!;
    await type(categories, '  ');
    button('Save categories').click();
    await ed.updateComplete;
    expect(q('[role=alert]')!.textContent).to.contain('at least one category');
    expect(patches).to.deep.equal([]);

    await type(categories, 'Billing');
    q<HTMLButtonElement>('button[aria-label="Remove language ar"]')!.click();
    await ed.updateComplete;
    expect(q('table'), 'no language left: no grid').to.equal(null);
    button('Save categories').click();
    await until(() => patches.length, 'patch');
    expect(patches).to.deep.equal([{ categories: ['Billing'], categoryLabels: null }]);
    const alert = await until(() => ed.shadowRoot!.querySelector('[role=alert]'), 'server error');
    expect(alert.textContent).to.contain('lowercase language tag');
  });
});
