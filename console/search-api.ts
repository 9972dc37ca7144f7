// HTTP calls of search and the conversations inbox, through the shared protocol client.
import { httpRequest } from '../protocol/index.ts';
import type { ChatPage, SearchResponse, SearchResult, TicketStatus } from '../protocol/index.ts';

const get = <T>(path: string, query: Record<string, string | number | undefined>): Promise<T> => {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== '') params.set(k, String(v));
  const qs = params.toString();
  return httpRequest<T>(`${path}${qs ? `?${qs}` : ''}`, { method: 'GET', credentials: 'same-origin' });
};

export interface InboxQuery { status?: TicketStatus | ''; label?: string; assignee?: string; cursor?: string | null; limit?: number }

export const searchApi = {
  search: async (q: string, f: { status?: TicketStatus | ''; limit?: number } = {}): Promise<SearchResult[]> =>
    (await get<SearchResponse>('/api/search', { q, status: f.status, limit: f.limit })).results,
  inbox: (f: InboxQuery = {}): Promise<ChatPage> =>
    get<ChatPage>('/api/chats', { status: f.status, label: f.label, assignee: f.assignee, cursor: f.cursor ?? undefined, limit: f.limit }),
};
