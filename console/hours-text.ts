import { HOURS_LIMITS, isTimeZone, type BusinessHours } from '../protocol/index.ts';

const DAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const CLOCK = /^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export interface HoursDraft { timeZone: string; weekly: string; closedDates: string }
export type HoursResult = { hours: BusinessHours | null } | { error: string };

/** Weekly spans as editable lines, one per day and span: `Mon 09:00-17:00`. */
export function formatHours(hours: BusinessHours | null | undefined): HoursDraft {
  if (!hours) return { timeZone: '', weekly: '', closedDates: '' };
  const cap = (d: number) => DAYS[d]![0]!.toUpperCase() + DAYS[d]!.slice(1);
  return {
    timeZone: hours.timeZone,
    weekly: hours.weekly.map((s) => `${cap(s.day)} ${s.from}-${s.to}`).join('\n'),
    closedDates: (hours.closedDates ?? []).join('\n'),
  };
}

/** One weekday (`Mon`) or a range (`Mon-Fri`), as day numbers; null if not understood. */
function days(text: string): number[] | null {
  const [a, b = a] = text.toLowerCase().split('-').map((d) => DAYS.indexOf(d.slice(0, 3)));
  if (a === undefined || a < 0 || b! < 0) return null;
  const out = [a];
  for (let d = a; d !== b; ) out.push((d = (d + 1) % 7));
  return out;
}

/**
 * The editor's text back to hours, checking what the server checks so errors show before saving.
 * An empty time zone and no spans means "no hours" (null).
 */
export function parseHours(draft: HoursDraft): HoursResult {
  const timeZone = draft.timeZone.trim();
  const lines = draft.weekly.split('\n').map((l) => l.trim()).filter(Boolean);
  const closed = draft.closedDates.split(/[\n,]/).map((l) => l.trim()).filter(Boolean);
  if (!timeZone && !lines.length && !closed.length) return { hours: null };
  if (!isTimeZone(timeZone) || !timeZone) return { error: `"${timeZone}" is not a known time zone; use an IANA name like Europe/Berlin.` };
  const weekly: BusinessHours['weekly'] = [];
  for (const line of lines) {
    const m = /^(\S+)\s+(\d\d:\d\d)\s*-\s*(\d\d:\d\d)$/.exec(line);
    const ds = m && days(m[1]!);
    if (!m || !ds) return { error: `Line "${line}": write a day or days and a span, like "Mon-Fri 09:00-17:00".` };
    const [, , from, to] = m as unknown as [string, string, string, string];
    if (!CLOCK.test(from) || !CLOCK.test(to) || from === '24:00') return { error: `Line "${line}": times run from 00:00 to 24:00.` };
    if (from === to) return { error: `Line "${line}": the span opens and closes at the same time.` };
    for (const day of ds) weekly.push({ day, from, to });
  }
  if (!weekly.length) return { error: 'Add at least one opening span, like "Mon-Fri 09:00-17:00".' };
  if (weekly.length > HOURS_LIMITS.spans) return { error: `At most ${HOURS_LIMITS.spans} spans a week (${weekly.length} given).` };
  const bad = closed.find((d) => !DATE.test(d) || Number.isNaN(Date.parse(d)));
  if (bad) return { error: `Closed date "${bad}" must be YYYY-MM-DD.` };
  if (closed.length > HOURS_LIMITS.closedDates) return { error: `At most ${HOURS_LIMITS.closedDates} closed dates.` };
  return { hours: { timeZone, weekly, ...(closed.length ? { closedDates: closed } : {}) } };
}
