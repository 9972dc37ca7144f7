import type { AuthorKind } from './tickets.ts';

export interface Author {
  kind: AuthorKind;
  id: string;
  name?: string | null;
}

/** A chat message on the wire. `seq` is 1, 2, 3... within its ticket. */
export interface Message {
  id: string;
  ticketId: string;
  seq: number;
  clientId: string;
  author: Author;
  body: string;
  createdAt: string;
}

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
