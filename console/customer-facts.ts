// Plain-words facts about a customer for the details panel, from what the server recorded.
import Bowser from 'bowser';

/** "Safari 17.4 on macOS 10.15.7", from a user agent, by a maintained parser (bowser); '' when unknown. */
export function browserAndOs(userAgent: string | undefined): string {
  if (!userAgent) return '';
  const { browser, os } = Bowser.parse(userAgent);
  const b = [browser.name, browser.version].filter(Boolean).join(' ');
  const o = [os.name, os.versionName ?? os.version].filter(Boolean).join(' ');
  return b && o ? `${b} on ${o}` : b || o;
}

/** The customer's wall-clock time now, e.g. "14:05 (Europe/Zurich)"; '' for an unknown zone. */
export function localTime(timeZone: string | undefined, now = Date.now(), locale?: string): string {
  if (!timeZone) return '';
  try {
    const time = new Intl.DateTimeFormat(locale, { timeZone, hour: 'numeric', minute: '2-digit', weekday: 'short' }).format(now);
    return `${time} (${timeZone})`;
  } catch {
    return '';
  }
}

/** The address when it is http(s), else null: links the console renders never run script. */
export const safeLink = (url: string | undefined): string | null => (url && /^https?:\/\//i.test(url) ? url : null);
