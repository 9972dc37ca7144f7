// Turns a ticket's messages into what the chat shows: a date line when the day changes, the author's
// name and time once per run of their messages, and one "Seen" on the last message the customer read.
// Internal notes (staff only) sit in their place and never join a run of public messages.
import type { Message } from '../protocol/index.ts';

/** Messages of one author this close together form one group (name and time shown once). */
export const GROUP_WITHIN_MS = 5 * 60_000;

export type TimelineItem =
  | { kind: 'day'; key: string; date: string }
  | { kind: 'message'; key: string; message: Message; first: boolean; receipt: 'seen' | 'sent' | null };

const dayOf = (iso: string): string => new Date(iso).toDateString();
const sameAuthor = (a: Message, b: Message) => a.author.kind === b.author.kind && a.author.id === b.author.id && !a.internal === !b.internal;
/** Notes are numbered apart from public messages: keys say which numbering. */
const keyOf = (m: Message) => `${m.internal ? 'n' : 'm'}-${m.seq}`;

/**
 * @param readSeq - the customer's read position
 * @param viewerId - the signed-in staff user; "Sent" shows once, under their last message the customer has not read yet
 */
export function timeline(messages: readonly Message[], readSeq: number, viewerId: string): TimelineItem[] {
  // Read receipts count public messages only (the customer's read position is in their numbering).
  const staff = (m: Message) => !m.internal && (m.author.kind === 'member' || m.author.kind === 'admin');
  const seen = messages.findLast((m) => staff(m) && m.seq <= readSeq)?.seq;
  const lastMine = messages.findLast((m) => staff(m) && m.author.id === viewerId)?.seq;
  const sent = lastMine !== undefined && lastMine > readSeq ? lastMine : undefined;
  const items: TimelineItem[] = [];
  let prev: Message | undefined;
  for (const m of messages) {
    const newDay = !prev || dayOf(prev.createdAt) !== dayOf(m.createdAt);
    if (newDay) items.push({ kind: 'day', key: `day-${keyOf(m)}`, date: m.createdAt });
    const first = newDay || !prev || !sameAuthor(prev, m) || Date.parse(m.createdAt) - Date.parse(prev.createdAt) > GROUP_WITHIN_MS;
    const receipt = m.internal ? null : m.seq === seen ? 'seen' : m.seq === sent ? 'sent' : null;
    items.push({ kind: 'message', key: keyOf(m), message: m, first, receipt });
    prev = m;
  }
  return items;
}
