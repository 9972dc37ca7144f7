import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BusinessHours, PublicSite, Site } from '../../protocol/index.ts';
import { ApiClient, cast } from '../testing/api.ts';
import { startTestServer, type TestServer } from '../testing/test-server.ts';

let server: TestServer;
let c: Awaited<ReturnType<typeof cast>>;
beforeAll(async () => {
  server = await startTestServer();
  c = await cast(server.url, server.admin);
});
afterAll(async () => server?.close());

const allWeek = (from: string, to: string) => [0, 1, 2, 3, 4, 5, 6].map((day) => ({ day, from, to }));
const patch = (hours: unknown, api: ApiClient = c.adminApi) => api.patch<Site>(`/api/sites/${c.site.id}`, { hours });
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

describe('site opening hours', () => {
  it('has no hours by default, and the widget hears nothing of availability', async () => {
    expect(c.site.hours).toBeNull();
    expect((await c.customer.get<PublicSite>('/api/site')).body.availability).toBeUndefined();
  });

  it('stores valid hours and tells the widget whether the team is in', async () => {
    const hours: BusinessHours = { timeZone: 'Europe/Berlin', weekly: allWeek('00:00', '24:00') };
    const saved = await patch(hours);
    expect(saved.status).toBe(200);
    expect(saved.body.hours).toEqual(hours);
    expect((await c.customer.get<PublicSite>('/api/site')).body.availability).toEqual({ open: true, backAt: null });

    expect((await patch({ timeZone: 'UTC', weekly: [] })).status).toBe(200);
    expect((await c.customer.get<PublicSite>('/api/site')).body.availability).toEqual({ open: false, backAt: null });
  });

  it('says when the team is back after closed dates', async () => {
    // Closed yesterday, today and tomorrow (UTC): back the day after tomorrow at 00:00, even if midnight passes meanwhile.
    expect((await patch({ timeZone: 'UTC', weekly: allWeek('00:00', '24:00'), closedDates: [day(-1), day(0), day(1)] })).status).toBe(200);
    const { availability } = (await c.customer.get<PublicSite>('/api/site')).body;
    expect(availability).toEqual({ open: false, backAt: `${day(2)}T00:00:00.000Z` });
  });

  it('refuses bad hours, naming the field, and people who are not admins', async () => {
    const bad = [
      { timeZone: 'Mars/Olympus', weekly: [] },
      { timeZone: 'UTC', weekly: [{ day: 7, from: '09:00', to: '17:00' }] },
      { timeZone: 'UTC', weekly: [{ day: 1, from: '9:00', to: '17:00' }] },
      { timeZone: 'UTC', weekly: [{ day: 1, from: '09:00', to: '09:00' }] },
      { timeZone: 'UTC', weekly: [{ day: 1, from: '24:00', to: '01:00' }] },
      { timeZone: 'UTC', weekly: [], closedDates: ['2026-13-01'] },
      { weekly: [] },
      'nine to five',
    ];
    const tooMany: { status: number; body: any } = await patch({ timeZone: 'UTC', weekly: [9, 11, 13, 15, 17].flatMap((h) => allWeek(`${h}:00`.padStart(5, '0'), `${h + 1}:00`)) });
    expect(tooMany.status).toBe(413);
    expect(tooMany.body.error.code).toBe('too_large');
    for (const hours of bad) {
      const r = await patch(hours) as { status: number; body: any };
      expect(r.status, JSON.stringify(hours)).toBe(400);
      expect(r.body.error.code).toBe('bad_request');
      expect(r.body.error.message).toContain('hours');
    }
    expect((await patch({ timeZone: 'UTC', weekly: [] }, c.member)).status).toBe(403);
    expect((await patch({ timeZone: 'UTC', weekly: [] }, c.customer)).status).toBeGreaterThanOrEqual(401);
  });

  it('removes the hours with null', async () => {
    expect((await patch(null)).body.hours).toBeNull();
    expect((await c.customer.get<PublicSite>('/api/site')).body.availability).toBeUndefined();
  });
});
