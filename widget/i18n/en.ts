// English, the reference: every other language has exactly these keys (see `Strings`).
// `{x}` marks a value filled in by `fill()`.
const en = {
  dir: 'ltr' as 'ltr' | 'rtl',
  title: 'Support',
  close: 'Close',
  /** The launcher's accessible name with a count: it contains the badge's visible text. */
  launcherUnread: '{title}, {n} unread',
  back: 'Back',
  startNew: 'Start a new conversation',
  urgencies: { low: 'Low', medium: 'Medium', high: 'High', urgent: 'Urgent' },
  send: 'Send',
  attach: 'Attach files',
  status: { open: 'Open', assigned: 'Assigned', rejected: 'Rejected', closed: 'Closed' },
  notice: {
    assigned: '{name} accepted your ticket “{c}”.',
    rejected: 'Your ticket “{c}” was rejected.',
    closed: 'Your ticket “{c}” was closed.',
  },
  waiting: 'Waiting for a support member. Chat opens here once one accepts.',
  closedNote: 'This ticket is closed; chat is off. The history stays here.',
  staffOnline: 'We are online',
  replyIn: 'We typically reply in {d}',
  inQueue: 'You are number {n} in the queue.',
  reconnecting: 'Reconnecting…',
  message: 'Write a message…',
  sending: 'Sending…',
  sent: 'Sent',
  read: 'Seen',
  failed: 'Not sent',
  retry: 'Retry',
  resumeFailed: 'This link has expired or is not valid any more. You can still write to us here.',
  typing: '{name} is typing…',
  newMessages: 'New messages ↓',
  errors: {
    network: 'Cannot reach support. Check your connection and try again.',
    rate_limited: 'Too many requests. Please wait a moment.',
    forbidden: 'This site may not use this support widget.',
    unauthorized: 'We could not confirm your account. Please sign in again.',
    other: 'Something went wrong. Please try again.',
  } as Record<string, string>,
};
export default en;
export type Strings = typeof en;
