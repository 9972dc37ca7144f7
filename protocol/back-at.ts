/**
 * "Back Monday at 10:00" in the visitor's own time zone and language: `today` / `tomorrow` when the
 * instant falls on the visitor's current or next local day, else the weekday (within a week) or the
 * date. `timeZone` is the visitor's (the browser's own by default).
 */
export function backAtText(backAt: Date, now: Date, locale: 'en' | 'ar', timeZone?: string): string {
  const tag = locale === 'ar' ? 'ar' : 'en-GB';
  const dayOf = (d: Date) => new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(d);
  const time = new Intl.DateTimeFormat(tag, { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(backAt);
  const days = Math.round((Date.parse(dayOf(backAt)) - Date.parse(dayOf(now))) / 86_400_000);
  const words = locale === 'ar'
    ? { today: 'اليوم', tomorrow: 'غدًا', back: (when: string) => `نعود ${when} الساعة ${time}` }
    : { today: 'today', tomorrow: 'tomorrow', back: (when: string) => `Back ${when} at ${time}` };
  const when = days <= 0 ? words.today
    : days === 1 ? words.tomorrow
    : new Intl.DateTimeFormat(tag, days < 7 ? { timeZone, weekday: 'long' } : { timeZone, weekday: 'long', day: 'numeric', month: 'long' }).format(backAt);
  return words.back(when);
}
