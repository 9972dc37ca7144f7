/**
 * A site's opening hours, in its own time zone (IANA, `Europe/Berlin`). `weekly` lists opening
 * spans by weekday (0 Sunday … 6 Saturday) in local `HH:MM`; a span whose `to` is not after its `from`
 * runs past midnight into the next day (`22:00`–`02:00`), and `to: "24:00"` ends at midnight.
 * `closedDates` (local `YYYY-MM-DD`) close the spans that start on those days.
 */
export interface BusinessHours {
  timeZone: string;
  weekly: { day: number; from: string; to: string }[];
  closedDates?: string[];
}

/** `GET /api/site` for the widget: whether the team is in, and if not, when it is back (an instant: the widget shows it in the visitor's own time). */
export interface SiteAvailability {
  open: boolean;
  backAt: string | null;
}

export const HOURS_LIMITS = { spans: 28, closedDates: 400 } as const;

/** Is `timeZone` a zone this runtime knows (IANA names; checked before hours are stored)? */
export function isTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return true;
  } catch {
    return false;
  }
}
