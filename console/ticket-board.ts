// The member's two lists (open tickets, my tickets) as pure state transitions, so socket events,
// HTTP answers and replays after a reconnect all go through the same rules.
import type { Message, Ticket } from '../protocol/index.ts';

export interface Board {
  open: Ticket[];
  mine: Ticket[];
}

export const emptyBoard = (): Board => ({ open: [], mine: [] });

const without = (list: Ticket[], id: string) => list.filter((t) => t.id !== id);

/** Inserts or replaces by id, keeping the viewer's read position the list already knew. */
function upsert(list: Ticket[], ticket: Ticket): Ticket[] {
  const old = list.find((t) => t.id === ticket.id);
  const merged = { ...ticket, readSeq: ticket.readSeq ?? old?.readSeq ?? 0, lastSeq: Math.max(ticket.lastSeq, old?.lastSeq ?? 0) };
  return old ? list.map((t) => (t.id === ticket.id ? merged : t)) : [merged, ...list];
}

/** Where a ticket belongs for viewer `meId`, whatever event announced it. */
export function place(board: Board, ticket: Ticket, meId: string): Board {
  const open = ticket.status === 'open' ? upsert(board.open, ticket) : without(board.open, ticket.id);
  const isMine = ticket.status === 'assigned' && ticket.assignee?.id === meId;
  const mine = isMine ? upsert(board.mine, ticket) : without(board.mine, ticket.id);
  return { open, mine };
}

/**
 * A message arrived in one of my tickets: its last seq moves (unread = lastSeq - readSeq). Mine count
 * as read. A note does not move it: notes are numbered apart, and unread counts public messages.
 */
export function applyMessage(board: Board, message: Message, meId: string): Board {
  if (message.internal) return board;
  const own = message.author.id === meId && message.author.kind !== 'customer';
  const mine = board.mine.map((t) =>
    t.id === message.ticketId && message.seq > t.lastSeq
      ? { ...t, lastSeq: message.seq, readSeq: own ? message.seq : t.readSeq }
      : t,
  );
  return { ...board, mine };
}

export function applyRead(board: Board, ticketId: string, seq: number): Board {
  return { ...board, mine: board.mine.map((t) => (t.id === ticketId ? { ...t, readSeq: Math.max(t.readSeq ?? 0, seq) } : t)) };
}

/** Replaces both lists from a fresh HTTP load (after sign-in or a reconnect). */
export function fromLists(open: Ticket[], mine: Ticket[], meId: string): Board {
  return {
    open: open.filter((t) => t.status === 'open'),
    mine: mine.filter((t) => t.status === 'assigned' && t.assignee?.id === meId),
  };
}
