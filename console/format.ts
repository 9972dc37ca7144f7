// Small pure formatters shared by the console's elements.
import type { Ticket, Urgency } from '../protocol/index.ts';
import { URGENCIES } from '../protocol/index.ts';

/** Higher is more pressing; used to sort by urgency. */
export const urgencyRank = (u: Urgency): number => URGENCIES.indexOf(u);

/** "just now", "4 min", "3 h", "2 d" — compact ages for tables. */
export function formatAge(iso: string, now = Date.now()): string {
  const s = Math.max(0, Math.round((now - Date.parse(iso)) / 1000));
  if (s < 45) return 'just now';
  if (s < 3600) return `${Math.max(1, Math.round(s / 60))} min`;
  if (s < 86400) return `${Math.round(s / 3600)} h`;
  return `${Math.round(s / 86400)} d`;
}

/** Durations in seconds, as "42 s", "5 min", "1 h 20 min", or an em dash when unknown. */
export function formatDuration(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds)) return '—';
  const s = Math.round(seconds);
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.round(s / 60)} min`;
  const h = Math.floor(s / 3600);
  const m = Math.round((s % 3600) / 60);
  return m ? `${h} h ${m} min` : `${h} h`;
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 ** 2) return `${(n / 1024).toFixed(1)} KiB`;
  if (n < 1024 ** 3) return `${(n / 1024 ** 2).toFixed(1)} MiB`;
  return `${(n / 1024 ** 3).toFixed(2)} GiB`;
}

export function formatTime(iso: string): string {
  return new Date(iso).toLocaleTimeString(undefined, { hour: 'numeric', minute: '2-digit' });
}

export function formatDate(iso: string): string {
  return new Date(iso).toLocaleDateString(undefined, { dateStyle: 'medium' });
}

export function formatDateTime(iso: string): string {
  return new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

export function customerName(t: Pick<Ticket, 'customer'>): string {
  return t.customer.name?.trim() || `Visitor ${t.customer.id.slice(-4)}`;
}

/** First line of a description, cut to `max` characters with an ellipsis. */
export function preview(text: string, max = 80): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

/** Messages the viewer has not read yet. */
export const unreadOf = (t: Pick<Ticket, 'lastSeq' | 'readSeq'>): number => Math.max(0, t.lastSeq - (t.readSeq ?? 0));

/** "Today", "Yesterday" or the date, for the chat's date lines. */
export function formatDay(iso: string, now = Date.now()): string {
  const day = new Date(iso).toDateString();
  if (day === new Date(now).toDateString()) return 'Today';
  if (day === new Date(now - 86_400_000).toDateString()) return 'Yesterday';
  return new Date(iso).toLocaleDateString(undefined, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
}
