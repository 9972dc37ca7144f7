import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TICKET_STATUSES, type TicketStatus } from '../../protocol/index.ts';
import { canView, sendRefusal, type Actor, type TicketFacts } from '../domain/index.ts';
import { Customer, Site, Ticket, User } from '../entities/index.ts';
import { LocalBus } from '../realtime/bus.ts';
import { MessageWriter } from '../services/message-writer.ts';
import { SiteService } from '../services/sites.ts';
import { TicketService } from '../services/tickets.ts';
import { openTestDatabase, testDatabaseKinds, type TestDatabase } from '../testing/test-database.ts';

/**
 * The access rules are written once (protocol/lifecycle.ts) and compiled to SQL for the ticket list
 * and the batch writer. This runs the whole matrix (every status, with and without required identity,
 * every kind of actor) through the pure functions and through the real statements, and fails on any
 * disagreement.
 */
describe.each(testDatabaseKinds())('access rules: TypeScript and SQL agree (%s)', (kind) => {
  let t: TestDatabase;
  const tickets: { id: string; facts: TicketFacts }[] = [];
  const actors: { label: string; actor: Actor }[] = [];

  beforeAll(async () => {
    t = await openTestDatabase(kind);
    const em = t.db.em();
    const open = em.create(Site, { name: 'open', key: 'k-open', secret: 's', origins: [], categories: [], requireIdentity: false });
    const strict = em.create(Site, { name: 'strict', key: 'k-strict', secret: 's', origins: [], categories: [], requireIdentity: true });
    const elsewhere = em.create(Site, { name: 'elsewhere', key: 'k-else', secret: 's', origins: [], categories: [], requireIdentity: false });
    const assignee = em.create(User, { email: 'a@x.test', name: 'Assignee', role: 'member', passwordHash: 'x', active: true });
    const otherMember = em.create(User, { email: 'b@x.test', name: 'Other', role: 'member', passwordHash: 'x', active: true });
    const admin = em.create(User, { email: 'c@x.test', name: 'Admin', role: 'admin', passwordHash: 'x', active: true });
    const owners = new Map<Site, Customer>();
    for (const site of [open, strict]) {
      const owner = em.create(Customer, { site, verified: true });
      const other = em.create(Customer, { site, verified: true });
      owners.set(site, owner);
      for (const verified of [true, false]) {
        const v = verified ? 'verified' : 'anonymous';
        actors.push({ label: `${site.name}: owner, ${v}`, actor: { kind: 'customer', id: owner.id, name: null, siteId: site.id, verified } });
        actors.push({ label: `${site.name}: other customer, ${v}`, actor: { kind: 'customer', id: other.id, name: null, siteId: site.id, verified } });
        actors.push({ label: `${site.name}: owner's id on another site, ${v}`, actor: { kind: 'customer', id: owner.id, name: null, siteId: elsewhere.id, verified } });
      }
      for (const status of TICKET_STATUSES) {
        for (const assigned of status === 'open' || status === 'rejected' ? [null] : [assignee, otherMember]) {
          const ticket = em.create(Ticket, {
            site, customer: owner, category: 'General', urgency: 'low', description: `${status}`, status, assignee: assigned, lastSeq: 0, clientId: null,
          });
          tickets.push({ id: ticket.id, facts: { status: status as TicketStatus, customerId: owner.id, siteId: site.id, assigneeId: assigned?.id ?? null, requireIdentity: site.requireIdentity } });
        }
      }
    }
    actors.push({ label: 'assignee', actor: { kind: 'staff', id: assignee.id, name: 'Assignee', role: 'member' } });
    actors.push({ label: 'other member', actor: { kind: 'staff', id: otherMember.id, name: 'Other', role: 'member' } });
    actors.push({ label: 'admin', actor: { kind: 'staff', id: admin.id, name: 'Admin', role: 'admin' } });
    for (const scopes of [['messages:write'], ['tickets:read'], ['users:read']] as const) {
      actors.push({ label: `API token with ${scopes.join(',')}`, actor: { kind: 'integration', id: randomUUID(), name: 'token', scopes } });
    }
    await em.flush();
  });
  afterAll(() => t?.close());

  it('lists exactly the tickets canView allows, for every actor', async () => {
    const bus = new LocalBus('test');
    const service = new TicketService(t.db, bus, new SiteService(t.db, bus));
    let seen = 0;
    for (const { label, actor } of actors) {
      const listed = new Set((await service.list(actor, { limit: 1000 })).map((x) => x.id));
      const allowed = new Set(tickets.filter((x) => canView(actor, x.facts)).map((x) => x.id));
      expect({ label, ids: [...listed].sort() }).toEqual({ label, ids: [...allowed].sort() });
      seen += allowed.size;
    }
    expect(seen).toBeGreaterThan(0); // the matrix is not trivially empty
  });

  it('has the batch writer refuse exactly what sendRefusal refuses, with the same reason, for messages and notes', async () => {
    const writer = new MessageWriter(t.db);
    const cases = actors.flatMap(({ label, actor }) => tickets.flatMap((x) => [false, true].map((internal) => ({ label: `${internal ? 'note' : 'message'}: ${label} on ${x.facts.status} (${x.facts.requireIdentity ? 'identity required' : 'open site'}, assignee ${x.facts.assigneeId ? 'set' : 'none'})`, actor, ticket: x, internal }))));
    // All at once, so the writer judges them in a few batch statements (messages and notes mixed), as under load.
    const results = await Promise.all(cases.map((c) => writer.write(c.actor, c.ticket.id, randomUUID(), 'hello', c.internal)));
    const disagreements = cases.flatMap((c, i) => {
      const got = results[i]!;
      const sql = 'refused' in got ? got.refused.reason : 'stored';
      const ts = sendRefusal(c.actor, c.ticket.facts, c.internal)?.reason ?? 'stored';
      return sql === ts ? [] : [`${c.label}: SQL ${sql}, TypeScript ${ts}`];
    });
    expect(disagreements).toEqual([]);
    const stored = results.filter((r) => !('refused' in r)).length;
    expect(stored).toBeGreaterThan(0);
    expect(stored).toBeLessThan(cases.length);
    // Notes on closed tickets are allowed (a demanding team notes after the close); customers never write one.
    expect(cases.some((c, i) => c.internal && c.ticket.facts.status === 'closed' && !('refused' in results[i]!))).toBe(true);
    expect(cases.every((c, i) => !(c.internal && c.actor.kind === 'customer') || 'refused' in results[i]!)).toBe(true);
    // Each ticket's public messages and its notes are numbered 1..n, each on its own, without gaps.
    const rows = await t.db.sql<{ ticket_id: string; internal: boolean; seqs: number[]; last_seq: number; last_note_seq: number }>(
      `select m.ticket_id, m.internal, array_agg(m.seq order by m.seq) as seqs, t.last_seq, t.last_note_seq
       from messages m join tickets t on t.id = m.ticket_id group by m.ticket_id, m.internal, t.last_seq, t.last_note_seq`,
    );
    expect(rows.some((r) => r.internal)).toBe(true);
    for (const r of rows) {
      expect(r.seqs.map(Number)).toEqual(Array.from({ length: r.seqs.length }, (_, i) => i + 1));
      expect(Number(r.internal ? r.last_note_seq : r.last_seq)).toBe(r.seqs.length);
    }
  });

  it('answers a resend with the stored row, unless access is refused', async () => {
    const writer = new MessageWriter(t.db);
    const assigned = tickets.find((x) => x.facts.status === 'assigned' && !x.facts.requireIdentity)!;
    const owner: Actor = { kind: 'customer', id: assigned.facts.customerId, name: null, siteId: assigned.facts.siteId, verified: false };
    const first = await writer.write(owner, assigned.id, 'again', 'one');
    const [twice, thrice] = await Promise.all([writer.write(owner, assigned.id, 'again', 'one'), writer.write(owner, assigned.id, 'again', 'one')]);
    expect(first).toMatchObject({ duplicate: false });
    for (const r of [twice, thrice]) expect(r).toMatchObject({ duplicate: true, row: { id: (first as { row: { id: string } }).row.id } });
    const stranger: Actor = { ...owner, id: randomUUID() };
    expect(await writer.write(stranger, assigned.id, 'again', 'one')).toMatchObject({ refused: { reason: 'hidden' } });
    expect(await writer.write(owner, randomUUID(), 'again', 'one')).toMatchObject({ refused: { reason: 'hidden' } });
  });
});
