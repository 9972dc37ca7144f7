import type { Attachment } from './attachments.ts';
import type { AuthorKind } from './tickets.ts';

export interface Author {
  kind: AuthorKind;
  id: string;
  name?: string | null;
}

/**
 * A chat message on the wire. `seq` is 1, 2, 3... within its ticket. With `internal: true` it is a
 * staff-only note: notes are numbered 1, 2, 3... on their own (so the messages a customer sees stay
 * gapless), and `afterSeq` is the public message the note follows in the timeline.
 */
export interface Message {
  id: string;
  ticketId: string;
  seq: number;
  clientId: string;
  author: Author;
  body: string;
  createdAt: string;
  /** Always sent by the server; optional in the type so clients' hand-made messages (tests, optimistic sends) may leave it out. */
  internal?: boolean;
  afterSeq?: number;
  /** Files sent with the message (absent when none), each with a fresh capability URL. */
  attachments?: Attachment[];
}

/** Where a message sits in a ticket's staff timeline: public messages by seq, each note just after the public message it follows. */
export const timelineOrder = (a: Message, b: Message): number => {
  const pa = a.internal ? a.afterSeq ?? 0 : a.seq;
  const pb = b.internal ? b.afterSeq ?? 0 : b.seq;
  if (pa !== pb) return pa - pb;
  if (!a.internal !== !b.internal) return a.internal ? 1 : -1;
  return a.seq - b.seq;
};

/** A mention of a member in a note (`mention` frame). */
export interface Mention {
  ticketId: string;
  noteId: string;
  by: Author;
  /** The note's beginning, at most MENTION_EXCERPT characters. */
  excerpt: string;
}
export const MENTION_EXCERPT = 140;

export interface MessagePage {
  messages: Message[];
  hasMore: boolean;
}

/** Admin overview of a conversation (`GET /api/chats`). */
export interface ChatSummary {
  ticket: import('./tickets.ts').Ticket;
  lastMessage: Message | null;
}

/** One page of the conversations inbox, newest activity first; pass `nextCursor` as `?cursor=` for the next (null: no more). */
export interface ChatPage {
  chats: ChatSummary[];
  nextCursor: string | null;
}
