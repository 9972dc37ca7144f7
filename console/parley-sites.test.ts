import { expect } from 'chai';
import type { Site } from '../protocol/index.ts';
import { parseOrigins } from './parley-sites.ts';
import { cleanup, mount, stubFetch, until } from './test/fixtures.ts';

const site = (over: Partial<Site> = {}): Site => ({
  id: 's1', name: 'Shop', key: 'site_abc', secret: 'sec-1', origins: ['https://shop.example'], categories: ['General'],
  requireIdentity: false, routing: 'manual', snippet: '<script src="https://parley.example/widget.js" data-site="site_abc" async></script>', createdAt: '2026-01-01T00:00:00Z', ...over,
});

describe('parley-sites', () => {
  let restore = () => {};
  afterEach(() => {
    cleanup();
    restore();
  });

  it('parses origins one per line or comma-separated, without trailing slashes', () => {
    expect(parseOrigins(' https://a.example/ \n\nhttps://b.example, http://localhost:8080 ')).to.deep.equal(['https://a.example', 'https://b.example', 'http://localhost:8080']);
    expect(parseOrigins('  \n ')).to.deep.equal([]);
  });

  it('refuses a site without origins, then creates one and shows its snippet', async () => {
    const bodies: unknown[] = [];
    restore = stubFetch((url, init) => {
      if (url.pathname !== '/api/sites') return undefined;
      if (init?.method === 'POST') {
        bodies.push(JSON.parse(String(init.body)));
        return { status: 201, body: site({ id: 's2', name: 'Blog', key: 'site_blog', origins: ['https://blog.example'] }) };
      }
      return { body: { sites: [site()] } };
    });
    const el = await mount('parley-sites');
    const root = el.shadowRoot!;
    await until(() => root.querySelector('[data-site=site_abc]'), 'first site');
    const form = root.querySelector('form')!;
    form.querySelector<HTMLInputElement>('input[name=name]')!.value = 'Blog';
    form.requestSubmit();
    await el.updateComplete;
    expect(form.querySelector('[role=alert]')!.textContent).to.contain('at least one allowed origin');
    expect(bodies).to.deep.equal([]);
    form.querySelector<HTMLTextAreaElement>('textarea[name=origins]')!.value = 'https://blog.example/';
    form.requestSubmit();
    const card = await until(() => root.querySelector('[data-site=site_blog]'), 'new site');
    expect(bodies).to.deep.equal([{ name: 'Blog', origins: ['https://blog.example'] }]);
    expect(card.querySelector('pre')!.textContent).to.contain('data-site="site_abc"');
  });

  it('saves edited origins with a PATCH', async () => {
    const patches: unknown[] = [];
    restore = stubFetch((url, init) => {
      if (init?.method === 'PATCH' && url.pathname === '/api/sites/s1') {
        patches.push(JSON.parse(String(init.body)));
        return { body: site({ origins: ['https://shop.example', 'https://www.shop.example'] }) };
      }
      return url.pathname === '/api/sites' ? { body: { sites: [site()] } } : undefined;
    });
    const el = await mount('parley-sites');
    const card = await until(() => el.shadowRoot!.querySelector('[data-site=site_abc]'), 'site');
    card.querySelector<HTMLTextAreaElement>('.inline textarea')!.value = 'https://shop.example\nhttps://www.shop.example';
    [...card.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent === 'Save')!.click();
    await until(() => patches.length, 'patch');
    expect(patches).to.deep.equal([{ origins: ['https://shop.example', 'https://www.shop.example'] }]);
  });

  it('switches a site between manual and auto routing', async () => {
    const patches: unknown[] = [];
    restore = stubFetch((url, init) => {
      if (init?.method === 'PATCH' && url.pathname === '/api/sites/s1') {
        patches.push(JSON.parse(String(init.body)));
        return { body: site({ routing: 'auto' }) };
      }
      return url.pathname === '/api/sites' ? { body: { sites: [site()] } } : undefined;
    });
    const el = await mount('parley-sites');
    const card = await until(() => el.shadowRoot!.querySelector('[data-site=site_abc]'), 'site');
    const select = card.querySelector<HTMLSelectElement>('select[aria-label="Routing of Shop"]')!;
    expect(select.value).to.equal('manual');
    select.value = 'auto';
    select.dispatchEvent(new Event('change'));
    await until(() => patches.length, 'patch');
    expect(patches).to.deep.equal([{ routing: 'auto' }]);
    await until(() => el.shadowRoot!.querySelector<HTMLSelectElement>('select[aria-label="Routing of Shop"]')!.value === 'auto', 'saved mode');
  });

  it('sets whether the ticket form asks for an email, and transcripts for every closed ticket', async () => {
    const patches: unknown[] = [];
    restore = stubFetch((url, init) => {
      if (init?.method === 'PATCH' && url.pathname === '/api/sites/s1') {
        const patch = JSON.parse(String(init.body));
        patches.push(patch);
        return { body: site(patch) };
      }
      return url.pathname === '/api/sites' ? { body: { sites: [site()] } } : undefined;
    });
    const el = await mount('parley-sites');
    const card = await until(() => el.shadowRoot!.querySelector('[data-site=site_abc]'), 'site');
    const select = card.querySelector<HTMLSelectElement>('select[aria-label="Ticket form email of Shop"]')!;
    expect(select.value).to.equal('off');
    select.value = 'required';
    select.dispatchEvent(new Event('change'));
    await until(() => patches.length === 1, 'patch');
    const box = el.shadowRoot!.querySelector<HTMLInputElement>('input[aria-label="Transcripts of Shop"]')!;
    expect(box.checked).to.equal(false);
    box.checked = true;
    box.dispatchEvent(new Event('change'));
    await until(() => patches.length === 2, 'second patch');
    expect(patches).to.deep.equal([{ askEmail: 'required' }, { transcripts: true }]);
  });
});
