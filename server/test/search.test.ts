// Full-text search (GET /api/search) and the conversations inbox (GET /api/chats), over real HTTP on
// the test database: scope, ranking and snippets, exact matches, bad input, paging and filters.
import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChatPage, NewApiToken, SearchResponse, SearchResult, Ticket } from '../../protocol/index.ts';
import { ApiClient, cast, newTicket } from '../testing/api.ts';
import { startTestServer, type TestServer } from '../testing/test-server.ts';

let server: TestServer;
let c: Awaited<ReturnType<typeof cast>>;
/** Assigned to the admin: the member may not see it. */
let adminsTicket: Ticket;
/** Open: everyone on staff sees it. */
let openTicket: Ticket;
let identified: ApiClient;

const send = (api: ApiClient, t: Ticket, body: string) => api.post(`/api/tickets/${t.id}/messages`, { clientId: `s-${Math.random()}`, body });
const search = (api: ApiClient, qs: string) => api.get<SearchResponse>(`/api/search?${qs}`);
const ids = async (api: ApiClient, qs: string) => {
  const r = await search(api, qs);
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body.results.map((x) => x.ticket.id);
};
const marked = (r: SearchResult) => r.highlights.map(([s, e]) => r.snippet.slice(s, e));

beforeAll(async () => {
  server = await startTestServer();
  c = await cast(server.url, server.admin);
  const id = 'cust-77';
  identified = await ApiClient.visitor(server.url, c.site.key, c.origin, {
    identity: { id, email: 'Lena.Search@Shop.test', name: 'Lena', hash: createHmac('sha256', c.site.secret).update(id).digest('hex') },
  });
  adminsTicket = (await newTicket(identified, 'The parcel with my kettle is stuck at customs')).body;
  await c.adminApi.post(`/api/tickets/${adminsTicket.id}/accept`);
  await send(identified, adminsTicket, 'Customs asked for an invoice, and the zebrafish sticker is torn');
  await send(c.adminApi, adminsTicket, 'We sent the invoice to customs <b>today</b>\n\nBest');
  openTicket = (await newTicket(c.customer, 'Refunds for a double charge on my card')).body;
});
afterAll(async () => {
  await server?.close();
});

describe('search', () => {
  it('finds a ticket by a word of its conversation, stemmed, with the matched words as offsets into plain text', async () => {
    const r = await search(c.adminApi, 'q=zebrafishes');
    expect(r.status).toBe(200);
    expect(r.body.results.map((x) => x.ticket.id)).toEqual([adminsTicket.id]);
    const hit = r.body.results[0]!;
    expect(hit.match).toBe('text');
    expect(hit.ticket).toMatchObject({ id: adminsTicket.id, status: 'assigned', customer: { name: 'Lena' } });
    expect(hit.snippet).toContain('zebrafish sticker');
    expect(marked(hit)).toEqual(['zebrafish']);
    // A message's markup comes back as the text it is.
    const html = (await search(c.adminApi, 'q=today')).body.results[0]!;
    expect(html.snippet).toContain('<b>today</b>');
    expect(marked(html)).toEqual(['today']);
    // Descriptions count too, and word forms meet ("refund" finds "Refunds").
    expect(await ids(c.adminApi, 'q=refund')).toEqual([openTicket.id]);
    expect(marked((await search(c.adminApi, 'q=refund')).body.results[0]!)).toEqual(['Refunds']);
  });

  it('ranks the ticket that matches more of the words first, and takes phrases and exclusions', async () => {
    const weak = (await newTicket(c.customer, 'A question about an invoice')).body as Ticket;
    expect(await ids(c.adminApi, 'q=customs invoice')).toEqual([adminsTicket.id]);
    const both = await ids(c.adminApi, 'q=invoice');
    expect(both).toEqual(expect.arrayContaining([adminsTicket.id, weak.id]));
    expect(await ids(c.adminApi, 'q=invoice -customs')).toEqual([weak.id]);
    expect(await ids(c.adminApi, 'q=invoice or kettle')).toContain(adminsTicket.id);
    expect(await ids(c.adminApi, `q=${encodeURIComponent('"invoice to customs"')}`)).toEqual([adminsTicket.id]);
    expect(await ids(c.adminApi, `q=${encodeURIComponent('"customs invoice"')}`)).toEqual([]);
  });

  it('matches a ticket id and a customer email exactly (any case), before word matches', async () => {
    const byId = (await search(c.adminApi, `q=${adminsTicket.id.toUpperCase()}`)).body.results;
    expect(byId.map((x) => [x.ticket.id, x.match])).toEqual([[adminsTicket.id, 'id']]);
    expect(byId[0]!.snippet).toContain('kettle');
    const byEmail = (await search(c.adminApi, 'q=lena.search@shop.TEST')).body.results;
    expect(byEmail.map((x) => [x.ticket.id, x.match])).toEqual([[adminsTicket.id, 'email']]);
    expect(await ids(c.adminApi, 'q=lena.search@shop.tes')).toEqual([]);
  });

  it('filters by status and label, and caps the number of results', async () => {
    await c.adminApi.call('PUT', `/api/tickets/${openTicket.id}/labels`, { labels: ['billing'] });
    expect(await ids(c.adminApi, 'q=refund&status=open')).toEqual([openTicket.id]);
    expect(await ids(c.adminApi, 'q=refund&status=closed')).toEqual([]);
    expect(await ids(c.adminApi, 'q=refund&label=billing')).toEqual([openTicket.id]);
    expect(await ids(c.adminApi, 'q=refund&label=other')).toEqual([]);
    for (let i = 0; i < 3; i++) await newTicket(c.customer, `Many wombats number ${i}`);
    expect((await ids(c.adminApi, 'q=wombats&limit=2')).length).toBe(2);
    expect((await ids(c.adminApi, 'q=wombats&limit=9999')).length).toBe(3);
  });

  it('never shows a ticket to someone who may not see it', async () => {
    // The member sees open tickets and their own: not the admin's, by words, by id or by email.
    expect(await ids(c.member, 'q=zebrafish')).toEqual([]);
    expect(await ids(c.member, `q=${adminsTicket.id}`)).toEqual([]);
    expect(await ids(c.member, 'q=lena.search@shop.test')).toEqual([]);
    expect(await ids(c.member, 'q=refund')).toEqual([openTicket.id]);
    // Once the member holds a ticket, it is theirs to find; the admin's stays hidden.
    await c.member.post(`/api/tickets/${openTicket.id}/accept`);
    await send(c.member, openTicket, 'Looking into the platypus charge');
    expect(await ids(c.member, 'q=platypus')).toEqual([openTicket.id]);
    expect(await ids(c.member, 'q=invoice')).not.toContain(adminsTicket.id);
    // Customers never search, not even their own tickets; nobody unauthenticated.
    expect((await search(identified, 'q=zebrafish')).status).toBe(403);
    expect((await search(c.customer, 'q=refund')).status).toBe(403);
    expect((await search(new ApiClient(server.url), 'q=refund')).status).toBe(401);
  });

  it('finds internal notes for staff who may see the ticket, marked as notes', async () => {
    const note = await c.adminApi.post(`/api/tickets/${adminsTicket.id}/messages`, { clientId: 'note-1', body: 'Internal: the customer is a wholesale okapi breeder', internal: true });
    expect(note.status, JSON.stringify(note.body)).toBe(201);
    const r = (await search(c.adminApi, 'q=okapi')).body.results;
    expect(r.map((x) => [x.ticket.id, x.internal])).toEqual([[adminsTicket.id, true]]);
    expect(marked(r[0]!)).toEqual(['okapi']);
    // A word the customer wrote is not a note.
    expect((await search(c.adminApi, 'q=zebrafish')).body.results[0]!.internal).toBeUndefined();
    // The member may not see the admin's ticket, so not its notes either; customers never search.
    expect(await ids(c.member, 'q=okapi')).toEqual([]);
    expect((await search(identified, 'q=okapi')).status).toBe(403);
  });

  it('lets API tokens search only with both tickets:read and messages:read', async () => {
    const token = async (scopes: string[]) => {
      const api = new ApiClient(server.url, { origin: '' });
      api.origin = undefined;
      api.token = (await c.adminApi.post<NewApiToken>('/api/tokens', { name: scopes.join('+') || 'none', scopes })).body.token;
      return api;
    };
    for (const scopes of [['tickets:read'], ['messages:read'], ['tickets:write', 'messages:write']]) {
      expect((await search(await token(scopes), 'q=zebrafish')).status, scopes.join()).toBe(403);
    }
    expect(await ids(await token(['tickets:read', 'messages:read']), 'q=zebrafish')).toEqual([adminsTicket.id]);
  });

  it('answers bad input with 4xx and odd characters with results, never a 500', async () => {
    for (const [qs, status] of [
      ['', 400], ['q=', 400], ['q=%20%20', 400], ['q=a%00b', 400],
      [`q=${'x'.repeat(201)}`, 413], [`q=${'word '.repeat(1000)}`, 413], ['q=refund&status=nope', 400], ['q=refund&label=bad%20label', 400],
      ['q=refund&limit=-1', 400], ['q[]=a', 400], ['q=refund&q=zebrafish', 200],
    ] as const) {
      expect((await search(c.adminApi, qs)).status, qs.slice(0, 40)).toBe(status);
    }
    // Past node's header limit the request never reaches a route.
    expect([414, 431]).toContain((await search(c.adminApi, `q=${'word '.repeat(4000)}`)).status);
    for (const q of ['\uFFFD', '\uE000\uE002', '"', "'", '&|!:*()', '!!!', 'a & b | !c', '"unclosed', '-', '--', 'or', 'the', '<->', '\\', '%', '?', '$1', 'x:*', ':*', 'é', '😀', '\u0001']) {
      const r = await search(c.adminApi, `q=${encodeURIComponent(q)}`);
      expect(r.status, JSON.stringify(q)).toBe(200);
      expect(Array.isArray(r.body.results)).toBe(true);
    }
  });
});

describe('conversations inbox', () => {
  const page = (api: ApiClient, qs: string) => api.get<ChatPage>(`/api/chats?${qs}`);

  it('lists every conversation with its last message, newest activity first, page by page without repeats', async () => {
    const all: string[] = [];
    let cursor: string | null = '';
    let pages = 0;
    while (cursor !== null) {
      const r = await page(c.adminApi, `limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(r.status).toBe(200);
      expect(r.body.chats.length).toBeLessThanOrEqual(2);
      all.push(...r.body.chats.map((x) => x.ticket.id));
      cursor = r.body.nextCursor;
      pages++;
    }
    const everything = (await page(c.adminApi, 'limit=500')).body;
    expect(everything.nextCursor).toBeNull();
    expect(all).toEqual(everything.chats.map((x) => x.ticket.id));
    expect(new Set(all).size).toBe(all.length);
    expect(pages).toBeGreaterThan(2);
    // The admin's reply is the last message of that conversation.
    const mine = everything.chats.find((x) => x.ticket.id === adminsTicket.id)!;
    expect(mine.lastMessage).toMatchObject({ body: 'We sent the invoice to customs <b>today</b>\n\nBest', seq: mine.ticket.lastSeq });
    // A new message moves its conversation to the top.
    await send(identified, adminsTicket, 'Any news?');
    const top = (await page(c.adminApi, 'limit=1')).body.chats[0]!;
    expect([top.ticket.id, top.lastMessage?.body]).toEqual([adminsTicket.id, 'Any news?']);
    // A note is no activity the customer sees: it neither moves its conversation nor shows as the last message.
    const other = (await page(c.adminApi, 'limit=2')).body.chats[1]!.ticket;
    expect((await c.adminApi.post(`/api/tickets/${other.id}/messages`, { clientId: 'inbox-note', body: 'quiet note', internal: true })).status).toBe(201);
    const after = (await page(c.adminApi, 'limit=2')).body.chats;
    expect(after.map((x) => x.ticket.id)).toEqual([adminsTicket.id, other.id]);
    expect(after[1]!.lastMessage?.body).not.toBe('quiet note');
  });

  it('filters by status, label and member', async () => {
    const list = async (qs: string) => (await page(c.adminApi, `limit=500&${qs}`)).body.chats.map((x) => x.ticket.id);
    const admin = (await c.adminApi.get('/api/auth/me')).body;
    const adminId = (admin.user ?? admin).id as string;
    expect(await list(`assignee=${adminId}`)).toEqual([adminsTicket.id]);
    expect(await list(`assignee=${c.memberUser.id}`)).toEqual([openTicket.id]);
    expect(await list('assignee=none')).not.toEqual(expect.arrayContaining([adminsTicket.id]));
    expect(await list('status=assigned')).toEqual(expect.arrayContaining([adminsTicket.id, openTicket.id]));
    expect((await list('status=open')).every((id) => id !== adminsTicket.id)).toBe(true);
    expect(await list('label=billing')).toEqual([openTicket.id]);
    expect(await list('label=billing&status=closed')).toEqual([]);
  });

  it('is for admins only and refuses bad filters and cursors', async () => {
    expect((await page(c.member, '')).status).toBe(403);
    expect((await page(c.customer, '')).status).toBe(403);
    expect((await page(new ApiClient(server.url), '')).status).toBe(401);
    for (const qs of ['cursor=nonsense', `cursor=${Buffer.from('["x","y"]').toString('base64url')}`, 'assignee=me', `assignee=${'f'.repeat(36)}`, 'status=nope']) {
      expect((await page(c.adminApi, qs)).status, qs.slice(0, 40)).toBe(400);
    }
    expect((await page(c.adminApi, `cursor=${'a'.repeat(300)}`)).status).toBe(413);
  });
});
