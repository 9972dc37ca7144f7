// Capability URLs of attachments expire (protocol/attachments.ts, ATTACHMENT_URL_TTL_MS): when the
// first one in a conversation does, so a view can fetch fresh ones shortly before.
import type { Message } from '../protocol/index.ts';

/** When a capability URL stops working (ms since the epoch), or null when it names no expiry. */
export function expiresAt(url: string): number | null {
  const exp = /[?&]exp=(\d+)/.exec(url)?.[1];
  return exp ? Number(exp) * 1000 : null;
}

/** The earliest expiry among the messages' files, or null when they have none. */
export function earliestExpiry(messages: readonly Message[]): number | null {
  let first: number | null = null;
  for (const m of messages) for (const a of m.attachments ?? []) {
    const at = expiresAt(a.url);
    if (at !== null && (first === null || at < first)) first = at;
  }
  return first;
}
