import { describe, expect, it } from 'vitest';
import { backAtText, isTimeZone, type BusinessHours } from '../../protocol/index.ts';
import { availabilityAt, businessMs, instantOf } from './hours.ts';

const weekdays = (from: string, to: string) => [1, 2, 3, 4, 5].map((day) => ({ day, from, to }));
const utc = (s: string) => new Date(`${s}Z`);

describe('availabilityAt', () => {
  const berlin: BusinessHours = { timeZone: 'Europe/Berlin', weekly: weekdays('09:00', '17:00') };

  it('is open inside the hours and closed at the end (the end is exclusive)', () => {
    expect(availabilityAt(berlin, utc('2026-03-24T08:00:00'))).toEqual({ open: true, backAt: null }); // Tue 09:00 CET
    expect(availabilityAt(berlin, utc('2026-03-24T15:59:59'))).toEqual({ open: true, backAt: null });
    expect(availabilityAt(berlin, utc('2026-03-24T16:00:00'))).toEqual({ open: false, backAt: utc('2026-03-25T08:00:00') });
    expect(availabilityAt(berlin, utc('2026-03-24T07:59:59'))).toEqual({ open: false, backAt: utc('2026-03-24T08:00:00') });
  });

  it('is back on Monday at 09:00 local across the spring DST change (CET to CEST on Sunday 29 March)', () => {
    // Friday 17:30 CET; Monday 09:00 is CEST, UTC+2, so 07:00Z (not 08:00Z as the Friday before).
    expect(availabilityAt(berlin, utc('2026-03-27T16:30:00')).backAt).toEqual(utc('2026-03-30T07:00:00'));
  });

  it('is back on Monday at 09:00 local across the autumn DST change (EDT to EST on Sunday 1 November)', () => {
    const ny: BusinessHours = { timeZone: 'America/New_York', weekly: weekdays('09:00', '17:00') };
    expect(availabilityAt(ny, utc('2026-10-31T16:00:00')).backAt).toEqual(utc('2026-11-02T14:00:00'));
    expect(availabilityAt(ny, utc('2026-10-30T13:00:00')).open).toBe(true); // Friday 09:00 EDT
  });

  it('runs a span past midnight into the next day', () => {
    const nights: BusinessHours = { timeZone: 'Europe/London', weekly: [{ day: 5, from: '22:00', to: '02:00' }] };
    expect(availabilityAt(nights, utc('2026-07-03T20:59:00')).open).toBe(false); // Fri 21:59 BST
    expect(availabilityAt(nights, utc('2026-07-03T21:00:00')).open).toBe(true); // Fri 22:00
    expect(availabilityAt(nights, utc('2026-07-04T00:30:00')).open).toBe(true); // Sat 01:30
    expect(availabilityAt(nights, utc('2026-07-04T01:00:00'))).toEqual({ open: false, backAt: utc('2026-07-10T21:00:00') });
  });

  it('ends a span at 24:00 at midnight', () => {
    const late: BusinessHours = { timeZone: 'UTC', weekly: [{ day: 2, from: '18:00', to: '24:00' }] };
    expect(availabilityAt(late, utc('2026-03-24T23:59:00')).open).toBe(true);
    expect(availabilityAt(late, utc('2026-03-25T00:00:00')).open).toBe(false);
  });

  it('skips closed dates (local), and has no back time when nothing opens within two weeks', () => {
    const holidays: BusinessHours = { ...berlin, closedDates: ['2026-12-24', '2026-12-25', '2026-12-28'] };
    // Wednesday 23 Dec 18:00 CET: Thursday and Friday closed, the weekend, Monday closed: back Tuesday 29th.
    expect(availabilityAt(holidays, utc('2026-12-23T17:00:00')).backAt).toEqual(utc('2026-12-29T08:00:00'));
    expect(availabilityAt({ timeZone: 'UTC', weekly: [] }, utc('2026-12-23T17:00:00'))).toEqual({ open: false, backAt: null });
  });

  it('maps a local time skipped by spring forward to just after the gap', () => {
    // 02:30 does not exist in Berlin on 29 March 2026; 03:30 CEST is 01:30Z.
    expect(new Date(instantOf(Date.UTC(2026, 2, 29, 2, 30), 'Europe/Berlin'))).toEqual(utc('2026-03-29T01:30:00'));
    expect(new Date(instantOf(Date.UTC(2026, 9, 25, 12, 0), 'Europe/Berlin'))).toEqual(utc('2026-10-25T11:00:00'));
  });

  it('knows IANA zones and refuses others', () => {
    expect(isTimeZone('Asia/Tokyo')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
  });
});

describe('backAtText: in the visitor\'s own time', () => {
  it('says today, tomorrow, or the weekday, in the visitor\'s zone', () => {
    const now = utc('2026-03-27T16:30:00');
    expect(backAtText(utc('2026-03-27T18:00:00'), now, 'en', 'Europe/Berlin')).toBe('Back today at 19:00');
    expect(backAtText(utc('2026-03-28T08:00:00'), now, 'en', 'Europe/Berlin')).toBe('Back tomorrow at 09:00');
    expect(backAtText(utc('2026-03-30T07:00:00'), now, 'en', 'Europe/Berlin')).toBe('Back Monday at 09:00');
  });

  it('crosses midnight in the visitor\'s zone, not the site\'s', () => {
    // Tokyo opens Monday 09:00 JST = Monday 00:00Z: a visitor in New York reads Sunday 20:00 (EDT).
    const tokyo: BusinessHours = { timeZone: 'Asia/Tokyo', weekly: weekdays('09:00', '18:00') };
    const now = utc('2026-07-04T12:00:00'); // Saturday 08:00 in New York, Saturday 21:00 in Tokyo
    const { backAt } = availabilityAt(tokyo, now);
    expect(backAt).toEqual(utc('2026-07-06T00:00:00'));
    expect(backAtText(backAt!, now, 'en', 'America/New_York')).toBe('Back tomorrow at 20:00');
    expect(backAtText(backAt!, now, 'en', 'Asia/Tokyo')).toBe('Back Monday at 09:00');
  });

  it('speaks Arabic', () => {
    const text = backAtText(utc('2026-03-28T08:00:00'), utc('2026-03-27T16:30:00'), 'ar', 'Europe/Berlin');
    expect(text).toContain('غدًا');
  });
});

describe('businessMs: time inside the hours', () => {
  const berlin: BusinessHours = { timeZone: 'Europe/Berlin', weekly: weekdays('09:00', '17:00') };
  const H = 3_600_000;

  it('counts only the open part of an interval, and nothing when it is all outside', () => {
    // Tue 16:00 → Wed 10:00 CET: one hour on Tuesday, one on Wednesday.
    expect(businessMs(berlin, utc('2026-03-24T15:00:00'), utc('2026-03-25T09:00:00'))).toBe(2 * H);
    // Tue 18:00 → Wed 08:30 CET: closed all along.
    expect(businessMs(berlin, utc('2026-03-24T17:00:00'), utc('2026-03-25T07:30:00'))).toBe(0);
    expect(businessMs(berlin, utc('2026-03-25T09:00:00'), utc('2026-03-24T09:00:00'))).toBe(0);
  });

  it('skips a weekend and closed dates, across the spring DST change', () => {
    // Fri 16:00 CET → Mon 10:00 CEST: Friday's last hour and Monday's first.
    expect(businessMs(berlin, utc('2026-03-27T15:00:00'), utc('2026-03-30T08:00:00'))).toBe(2 * H);
    const holiday = { ...berlin, closedDates: ['2026-03-30'] };
    expect(businessMs(holiday, utc('2026-03-27T15:00:00'), utc('2026-03-31T08:00:00'))).toBe(2 * H);
  });

  it('counts a span past midnight, and overlapping spans once', () => {
    const nights: BusinessHours = { timeZone: 'Europe/London', weekly: [{ day: 5, from: '22:00', to: '02:00' }, { day: 5, from: '23:00', to: '23:30' }] };
    // Fri 2026-01-09 21:00 → Sat 03:00 GMT: 22:00-02:00 is four hours.
    expect(businessMs(nights, utc('2026-01-09T21:00:00'), utc('2026-01-10T03:00:00'))).toBe(4 * H);
    // Starting inside the span that began the day before.
    expect(businessMs(nights, utc('2026-01-10T01:00:00'), utc('2026-01-10T05:00:00'))).toBe(1 * H);
  });
});
