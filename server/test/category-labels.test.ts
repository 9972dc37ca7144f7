// Category names per language (issue 11): set by an admin on the site, sent to the widget in its
// session and /api/site; a site without them looks as DESIGN.md shows it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PublicSite, Site } from '../../protocol/index.ts';
import { ApiClient, cast } from '../testing/api.ts';
import { startTestServer, type TestServer } from '../testing/test-server.ts';

let server: TestServer;
let c: Awaited<ReturnType<typeof cast>>;
beforeAll(async () => {
  server = await startTestServer();
  c = await cast(server.url, server.admin);
});
afterAll(async () => server?.close());

const patch = (categoryLabels: unknown, api: ApiClient = c.adminApi) =>
  api.patch<Site>(`/api/sites/${c.site.id}`, { categoryLabels }) as Promise<{ status: number; body: any }>;

describe('category labels per language', () => {
  it('are absent by default, for the console and the widget', async () => {
    expect(c.site.categoryLabels).toBeUndefined();
    expect('categoryLabels' in (await c.customer.get<PublicSite>('/api/site')).body).toBe(false);
  });

  it('are stored and reach the widget; tickets keep the site’s own category name', async () => {
    const labels = { ar: { Billing: 'الفواتير', General: 'عام' }, 'pt-br': { Billing: 'Cobrança' } };
    const saved = await patch(labels);
    expect(saved.status).toBe(200);
    expect(saved.body.categoryLabels).toEqual(labels);
    expect((await c.customer.get<PublicSite>('/api/site')).body.categoryLabels).toEqual(labels);
    expect((await c.adminApi.get<{ sites: Site[] }>('/api/sites')).body.sites.find((s) => s.id === c.site.id)!.categoryLabels).toEqual(labels);
    // A label is only shown: the ticket is opened with the site's category, and a label is no category.
    expect((await c.customer.post('/api/tickets', { category: 'Billing', urgency: 'low', description: 'VAT' })).status).toBe(201);
    expect((await c.customer.post('/api/tickets', { category: 'الفواتير', urgency: 'low', description: 'VAT' })).status).toBe(400);
  });

  it('refuses bad shapes, naming the field, and anyone but an admin', async () => {
    const bad = [
      'ar',
      ['ar'],
      { AR: { Billing: 'x' } },
      { 'not a tag': { Billing: 'x' } },
      { ar: 'الفواتير' },
      { ar: { Billing: 5 } },
      { ar: { Billing: '' } },
      Object.fromEntries(Array.from({ length: 21 }, (_, i) => [`l${String.fromCharCode(97 + i)}`, { Billing: 'x' }])),
      { ar: Object.fromEntries(Array.from({ length: 31 }, (_, i) => [`c${i}`, 'x'])) },
    ];
    for (const labels of bad) {
      const r = await patch(labels);
      expect(r.status, JSON.stringify(labels).slice(0, 80)).toBe(400);
      expect(r.body.error.message).toContain('categoryLabels');
    }
    // Over-long text is 413, as everywhere at the edge.
    const long = await patch({ ar: { Billing: 'x'.repeat(1000) } });
    expect([long.status, long.body.error.code]).toEqual([413, 'too_large']);
    expect((await patch({ ar: { Billing: 'x' } }, c.member)).status).toBe(403);
    expect((await patch({ ar: { Billing: 'x' } }, c.customer)).status).toBeGreaterThanOrEqual(401);
  });

  it('are removed with null', async () => {
    expect((await patch(null)).body.categoryLabels).toBeUndefined();
    expect((await c.customer.get<PublicSite>('/api/site')).body.categoryLabels).toBeUndefined();
  });
});
