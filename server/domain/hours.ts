import type { BusinessHours } from '../../protocol/index.ts';

// Wall-clock arithmetic in a time zone with Intl only (no library): a local date and minute of the
// day are turned into an instant by asking Intl for the zone's offset around it, which also covers
// the DST changes.

const formats = new Map<string, Intl.DateTimeFormat>();
function format(timeZone: string): Intl.DateTimeFormat {
  let f = formats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
    formats.set(timeZone, f);
  }
  return f;
}

/** The local wall clock of `instant` in `timeZone`, as if it were UTC (ms). */
function wall(instant: number, timeZone: string): number {
  const p = Object.fromEntries(format(timeZone).formatToParts(new Date(instant)).map((x) => [x.type, Number(x.value)]));
  return Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!);
}

/**
 * The instant at which the local clock in `timeZone` shows `localMs` (wall time as UTC ms). A local
 * time skipped by a spring-forward change maps to the instant just after the gap (02:30 → 03:30).
 */
export function instantOf(localMs: number, timeZone: string): number {
  let guess = localMs - (wall(localMs, timeZone) - localMs);
  // Once more with the offset at the guess: right on both sides of a DST change.
  guess = localMs - (wall(guess, timeZone) - guess);
  if (wall(guess, timeZone) !== localMs) {
    // In a gap: take the offset from before it, which lands after the gap.
    const before = wall(localMs - 86_400_000, timeZone) - (localMs - 86_400_000);
    return localMs - before;
  }
  return guess;
}

const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
const DAY = 86_400_000;
const isoDate = (localMs: number) => new Date(localMs).toISOString().slice(0, 10);

/** Every opening span as [start, end) instants, for spans starting on local days from `fromDay` for `days` days. */
function spans(hours: BusinessHours, startDayLocalMs: number, days: number): [number, number][] {
  const closed = new Set(hours.closedDates ?? []);
  const out: [number, number][] = [];
  for (let k = 0; k < days; k++) {
    const day = startDayLocalMs + k * DAY;
    if (closed.has(isoDate(day))) continue;
    const weekday = new Date(day).getUTCDay();
    for (const s of hours.weekly) {
      if (s.day !== weekday) continue;
      const from = minutes(s.from);
      let to = minutes(s.to);
      if (to <= from) to += 24 * 60; // runs past midnight
      out.push([instantOf(day + from * 60_000, hours.timeZone), instantOf(day + to * 60_000, hours.timeZone)]);
    }
  }
  return out;
}

/**
 * Whether the team is in at `now`, and if not, when it is back (the next span's start within two
 * weeks, or null when none is: no hours at all, or everything closed).
 */
export function availabilityAt(hours: BusinessHours, now: Date): { open: boolean; backAt: Date | null } {
  const t = now.getTime();
  const local = wall(t, hours.timeZone);
  const today = local - (local % DAY);
  // Yesterday too: its overnight spans may still be running.
  const all = spans(hours, today - DAY, 16);
  if (all.some(([a, b]) => a <= t && t < b)) return { open: true, backAt: null };
  const next = all.filter(([a]) => a > t).reduce<number | null>((m, [a]) => (m === null || a < m ? a : m), null);
  return { open: false, backAt: next === null ? null : new Date(next) };
}

/**
 * How much of [from, to) falls inside the opening hours (ms): what a first response or a resolution
 * took in business time. Overlapping spans count once. Bounded: an interval over 90 days is cut there.
 */
export function businessMs(hours: BusinessHours, from: Date, to: Date): number {
  const a = from.getTime();
  const b = Math.min(to.getTime(), a + 90 * DAY);
  if (b <= a) return 0;
  const local = wall(a, hours.timeZone);
  const first = local - (local % DAY) - DAY; // the day before: its overnight spans may run into `from`
  const days = Math.ceil((b - a) / DAY) + 3;
  const open = spans(hours, first, days)
    .map(([s, e]): [number, number] => [Math.max(s, a), Math.min(e, b)])
    .filter(([s, e]) => e > s)
    .sort((x, y) => x[0] - y[0]);
  let total = 0;
  let reached = a;
  for (const [s, e] of open) {
    const start = Math.max(s, reached);
    if (e > start) total += e - start;
    reached = Math.max(reached, e);
  }
  return total;
}
