import { describe, expect, it } from 'vitest';
import { UNREAD_MAIL_GAP_MS, unreadReplyMailDue } from './unread-reply.ts';

const at = (ms: number) => new Date(Date.UTC(2026, 11, 2, 12) + ms);
const MIN = 60_000;

describe('unreadReplyMailDue', () => {
  const base = { oldestUnmailedUnreadAt: at(0), customerConnected: false, lastMailAt: null };
  it('waits until the reply has been unread for the delay', () => {
    expect(unreadReplyMailDue(base, at(5 * MIN - 1), 5 * MIN)).toBe(false);
    expect(unreadReplyMailDue(base, at(5 * MIN), 5 * MIN)).toBe(true);
  });
  it('never mails while a socket of the customer is open', () => {
    expect(unreadReplyMailDue({ ...base, customerConnected: true }, at(60 * MIN), 5 * MIN)).toBe(false);
  });
  it('mails a ticket at most once per 15 minutes', () => {
    const mailed = { ...base, lastMailAt: at(-10 * MIN) };
    expect(unreadReplyMailDue(mailed, at(5 * MIN - 1), 0)).toBe(false);
    expect(unreadReplyMailDue(mailed, at(-10 * MIN + UNREAD_MAIL_GAP_MS), 0)).toBe(true);
  });
  it('takes fractions of a minute (tests use 0.05)', () => {
    expect(unreadReplyMailDue(base, at(2999), 0.05 * MIN)).toBe(false);
    expect(unreadReplyMailDue(base, at(3000), 0.05 * MIN)).toBe(true);
  });
});
