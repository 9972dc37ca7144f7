/** At most one unread-reply mail per ticket in this long. */
export const UNREAD_MAIL_GAP_MS = 15 * 60_000;

/** What the unread-reply rule looks at, for one ticket. */
export interface UnreadReplyFacts {
  /** When the oldest staff reply that the customer has not read, and no mail has carried yet, was written. */
  oldestUnmailedUnreadAt: Date;
  /** Whether a socket of the customer is open (they would see the reply in the widget). */
  customerConnected: boolean;
  /** When the last unread-reply mail of this ticket was queued, if ever. */
  lastMailAt: Date | null;
}

/**
 * Is the unread-reply mail due? A staff reply the customer has not read for `afterMs`, while no socket
 * of theirs is open, is mailed, but never within 15 minutes of the ticket's previous one. Reading the
 * reply (in the widget, or by the read endpoint) takes it out of the facts, which cancels the mail.
 */
export function unreadReplyMailDue(f: UnreadReplyFacts, now: Date, afterMs: number): boolean {
  if (f.customerConnected) return false;
  if (now.getTime() - f.oldestUnmailedUnreadAt.getTime() < afterMs) return false;
  return f.lastMailAt === null || now.getTime() - f.lastMailAt.getTime() >= UNREAD_MAIL_GAP_MS;
}
