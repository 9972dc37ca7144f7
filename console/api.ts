// The console's HTTP client: same origin as the API, cookie session, JSON bodies (the server requires
// JSON plus a same-origin Origin header for cookie-authenticated writes).
import { httpRequest, HttpError, type HttpOptions } from '../protocol/index.ts';
import type {
  CategoryLabels, CannedResponse, CustomerDetails, MemberLoad, MemberStatus, Message, NewCannedResponse, MessagePage, Rating, Role, RoutingMode, Site, Team, TeamInput, Stats, Ticket, TicketEvent, TicketStatus, User, AskEmail, BusinessHours,
} from '../protocol/index.ts';

type Method = NonNullable<HttpOptions['method']>;

/** Every console call goes through the shared protocol client, with the cookie session. */
const request = <T>(method: Method, path: string, body?: unknown): Promise<T> =>
  httpRequest<T>(path, { method, body, credentials: 'same-origin' });

/** Lists come either bare or wrapped as `{items: [...]}`; accept both. */
function list<T>(data: unknown, key: string): T[] {
  if (Array.isArray(data)) return data as T[];
  const inner = (data as Record<string, unknown> | null)?.[key];
  return Array.isArray(inner) ? (inner as T[]) : [];
}
function one<T>(data: unknown, key: string): T {
  const inner = (data as Record<string, unknown> | null)?.[key];
  return (inner && typeof inner === 'object' ? inner : data) as T;
}

export interface TicketQuery {
  status?: TicketStatus | '';
  mine?: boolean;
  label?: string;
  /** Newest first; the server returns at most 500. */
  limit?: number;
}

export const api = {
  async login(email: string, password: string): Promise<User> {
    return one<User>(await request('POST', '/api/auth/login', { email, password }), 'user');
  },
  async logout(): Promise<void> {
    await request('POST', '/api/auth/logout', {});
  },
  /** The signed-in staff user, or null when there is no valid session. */
  async me(): Promise<User | null> {
    try {
      return one<User>(await request('GET', '/api/auth/me'), 'user');
    } catch (e) {
      if (e instanceof HttpError && e.status === 401) return null;
      throw e;
    }
  },
  async tickets(q: TicketQuery = {}): Promise<Ticket[]> {
    const params = new URLSearchParams();
    if (q.status) params.set('status', q.status);
    if (q.mine) params.set('mine', 'true');
    if (q.label) params.set('label', q.label);
    if (q.limit) params.set('limit', String(q.limit));
    const qs = params.toString();
    return list<Ticket>(await request('GET', `/api/tickets${qs ? `?${qs}` : ''}`), 'tickets');
  },
  async ticket(id: string): Promise<Ticket> {
    return one<Ticket>(await request('GET', `/api/tickets/${encodeURIComponent(id)}`), 'ticket');
  },
  async accept(id: string): Promise<Ticket> {
    return one<Ticket>(await request('POST', `/api/tickets/${encodeURIComponent(id)}/accept`, {}), 'ticket');
  },
  async reject(id: string, reason?: string): Promise<Ticket> {
    return one<Ticket>(await request('POST', `/api/tickets/${encodeURIComponent(id)}/reject`, reason ? { reason } : {}), 'ticket');
  },
  async close(id: string): Promise<Ticket> {
    return one<Ticket>(await request('POST', `/api/tickets/${encodeURIComponent(id)}/close`, {}), 'ticket');
  },
  /** Transfers an assigned ticket to `userId`, or releases it to the open queue (null). */
  async assign(id: string, userId: string | null): Promise<Ticket> {
    return one<Ticket>(await request('POST', `/api/tickets/${encodeURIComponent(id)}/assign`, { userId }), 'ticket');
  },
  /** The active staff with status and load (whom to transfer to). */
  async members(): Promise<MemberLoad[]> {
    return list<MemberLoad>(await request('GET', '/api/members'), 'members');
  },
  async teams(): Promise<Team[]> {
    return list<Team>(await request('GET', '/api/teams'), 'teams');
  },
  async createTeam(input: TeamInput): Promise<Team> {
    return request<Team>('POST', '/api/teams', input);
  },
  async updateTeam(id: string, patch: Partial<TeamInput>): Promise<Team> {
    return request<Team>('PATCH', `/api/teams/${encodeURIComponent(id)}`, patch);
  },
  async deleteTeam(id: string): Promise<void> {
    await request('DELETE', `/api/teams/${encodeURIComponent(id)}`);
  },
  async setMailOptin(optin: { mailNewTickets: boolean } | { mailCustomerReplies: boolean }): Promise<User> {
    return one<User>(await request('PATCH', '/api/users/me', optin), 'user');
  },
  async setStatus(status: MemberStatus): Promise<User> {
    return one<User>(await request('PATCH', '/api/users/me', { status }), 'user');
  },
  async messages(id: string, after = 0, limit = 200): Promise<MessagePage> {
    const data = await request<MessagePage>('GET', `/api/tickets/${encodeURIComponent(id)}/messages?after=${after}&limit=${limit}`);
    return { messages: list<Message>(data, 'messages'), hasMore: Boolean(data?.hasMore) };
  },
  async events(id: string): Promise<TicketEvent[]> {
    return list<TicketEvent>(await request('GET', `/api/tickets/${encodeURIComponent(id)}/events`), 'events');
  },
  async users(): Promise<User[]> {
    return list<User>(await request('GET', '/api/users'), 'users');
  },
  async createUser(input: { email: string; name: string; password: string; role: Role }): Promise<User> {
    return one<User>(await request('POST', '/api/users', input), 'user');
  },
  async updateUser(id: string, patch: { active?: boolean; role?: Role; name?: string; capacity?: number }): Promise<User> {
    return one<User>(await request('PATCH', `/api/users/${encodeURIComponent(id)}`, patch), 'user');
  },
  async sites(): Promise<Site[]> {
    return list<Site>(await request('GET', '/api/sites'), 'sites');
  },
  async createSite(input: { name: string; origins: string[] }): Promise<Site> {
    return one<Site>(await request('POST', '/api/sites', input), 'site');
  },
  async updateSite(id: string, patch: { name?: string; origins?: string[]; categories?: string[]; categoryLabels?: CategoryLabels | null; routing?: RoutingMode; askEmail?: AskEmail; transcripts?: boolean; hours?: BusinessHours | null }): Promise<Site> {
    return one<Site>(await request('PATCH', `/api/sites/${encodeURIComponent(id)}`, patch), 'site');
  },
  async rotateSecret(id: string): Promise<Site> {
    return one<Site>(await request('POST', `/api/sites/${encodeURIComponent(id)}/rotate-secret`, {}), 'site');
  },
  async rating(id: string): Promise<Rating | null> {
    return (await request<{ rating: Rating | null }>('GET', `/api/tickets/${encodeURIComponent(id)}/rating`))?.rating ?? null;
  },
  async cannedResponses(): Promise<CannedResponse[]> {
    return list<CannedResponse>(await request('GET', '/api/canned-responses'), 'cannedResponses');
  },
  async createCanned(input: NewCannedResponse): Promise<CannedResponse> {
    return request<CannedResponse>('POST', '/api/canned-responses', input);
  },
  async updateCanned(id: string, patch: Partial<Omit<NewCannedResponse, 'scope'>>): Promise<CannedResponse> {
    return request<CannedResponse>('PATCH', `/api/canned-responses/${encodeURIComponent(id)}`, patch);
  },
  async deleteCanned(id: string): Promise<void> {
    await request('DELETE', `/api/canned-responses/${encodeURIComponent(id)}`);
  },
  /** Removes an upload not yet sent (the uploader's own; a sent file is part of the conversation: 409). */
  async deleteAttachment(id: string): Promise<void> {
    await request('DELETE', `/api/attachments/${encodeURIComponent(id)}`);
  },
  async setLabels(id: string, labels: string[]): Promise<Ticket> {
    return request<Ticket>('PUT', `/api/tickets/${encodeURIComponent(id)}/labels`, { labels });
  },
  async labelsInUse(): Promise<string[]> {
    return list<string>(await request('GET', '/api/labels'), 'labels');
  },
  async customer(id: string): Promise<CustomerDetails> {
    return request<CustomerDetails>('GET', `/api/customers/${encodeURIComponent(id)}`);
  },
  async stats(): Promise<Stats> {
    return one<Stats>(await request('GET', '/api/stats'), 'stats');
  },
};

/** The plain-words text of anything thrown. */
export const errorText = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/**
 * Runs a form's save for an element with `busy` and `formError` state: the one way every admin form
 * submits. `done` gets what the server answered; the form's error shows what went wrong.
 */
export async function submitInto<T>(host: { busy: boolean; formError: string }, work: () => Promise<T>, done: (value: T) => void): Promise<boolean> {
  host.busy = true;
  try {
    done(await work());
    host.formError = '';
    return true;
  } catch (e) {
    host.formError = errorText(e);
    return false;
  } finally {
    host.busy = false;
  }
}

/** `list` with `item` in place of the entry of the same id, or added (and sorted, when `order` is given). */
export function withItem<T extends { id: string }>(list: readonly T[], item: T, order?: (a: T, b: T) => number): T[] {
  if (list.some((x) => x.id === item.id)) return list.map((x) => (x.id === item.id ? item : x));
  const added = [...list, item];
  return order ? added.sort(order) : added;
}

/** Loads a page's data into an element with `loading` and `error` state: the one way every admin page fetches. */
export async function loadInto<T>(host: { loading: boolean; error: string }, fetch: () => Promise<T>, assign: (value: T) => void): Promise<void> {
  try {
    assign(await fetch());
    host.error = '';
  } catch (e) {
    host.error = errorText(e);
  } finally {
    host.loading = false;
  }
}
