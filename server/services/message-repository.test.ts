// The messages repository on a real database: the pages it reads are what the send path answered
// (the writer's raw rows and the ORM's entities serialize alike), in order, within their limits.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Message, Ticket } from '../../protocol/index.ts';
import { cast, newTicket } from '../testing/api.ts';
import { startTestServer, type TestServer } from '../testing/test-server.ts';
import { MessageRepository } from './message-repository.ts';

let server: TestServer;
let repo: MessageRepository;
let ticket: Ticket;
const sent: Message[] = [];

beforeAll(async () => {
  server = await startTestServer();
  repo = new MessageRepository(server.services.db);
  const c = await cast(server.url, server.admin);
  ticket = (await newTicket(c.customer)).body;
  await c.member.post(`/api/tickets/${ticket.id}/accept`);
  // Public 1..5 with a note after public 2 and two after public 5; the customer writes odd ones, with bad text on purpose.
  const plan = ['hi', 'order 42', 'note:after two', "emoji 🧾 and 'quotes'", '  spaced ', 'مرحبا', 'note:end one', 'note:end two'];
  for (const [i, text] of plan.entries()) {
    const internal = text.startsWith('note:');
    const api = !internal && i % 2 === 0 ? c.customer : c.member;
    const res = await api.post<Message>(`/api/tickets/${ticket.id}/messages`, { clientId: `c-${i}`, body: internal ? text.slice(5) : text, internal });
    expect(res.status).toBe(201);
    sent.push(res.body);
  }
}, 60_000);
afterAll(() => server?.close());

const isPublic = (m: Message) => !m.internal;
const notes = () => sent.filter((m) => m.internal);

describe('MessageRepository', () => {
  it('reads public messages forward and back exactly as the send path answered them', async () => {
    const pub = sent.filter(isPublic);
    expect(await repo.publicAfter(ticket.id, 0, 100)).toEqual(pub);
    expect(await repo.publicAfter(ticket.id, 2, 2)).toEqual(pub.slice(2, 4));
    expect(await repo.publicBefore(ticket.id, 5, 2)).toEqual([pub[3], pub[2]]);
    expect(await repo.publicAfter(ticket.id, pub.length, 10)).toEqual([]);
  });

  it('keeps notes apart, numbered on their own, and places them by the public seq they follow', async () => {
    expect(await repo.notesAfter(ticket.id, 0, 100)).toEqual(notes());
    expect((await repo.notesAfter(ticket.id, 1, 100)).map((m) => m.body)).toEqual(['end one', 'end two']);
    expect((await repo.notesPlaced(ticket.id, 2, 5, false)).map((m) => m.body)).toEqual(['after two']);
    expect((await repo.notesPlaced(ticket.id, 3, 5, true)).map((m) => m.body)).toEqual(['end one', 'end two']);
    expect((await repo.notesPlaced(ticket.id, 0, null, false)).length).toBe(3);
    expect(await repo.notesPlaced(ticket.id, 6, null, false)).toEqual([]);
  });

  it('finds a resend by clientId only in its own stream and ticket', async () => {
    expect(await repo.byClientId(ticket.id, 'c-1', false)).toEqual(sent[1]);
    expect(await repo.byClientId(ticket.id, 'c-2', false)).toBeNull();
    expect(await repo.byClientId(ticket.id, 'c-2', true)).toEqual(sent[2]);
    expect(await repo.byClientId('00000000-0000-4000-8000-000000000000', 'c-1', false)).toBeNull();
  });
});
