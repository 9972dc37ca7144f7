import { expect } from 'chai';
import { applyMessage, applyRead, emptyBoard, fromLists, place } from './ticket-board.ts';
import { matches, noFilter } from './ticket-filter.ts';
import { parseRoute, href } from './route.ts';
import { sparkPoints } from './parley-sparkline.ts';
import { formatAge, formatDuration } from './format.ts';
import { makeMessage, makeTicket } from './test/fixtures.ts';

describe('ticket board', () => {
  const me = 'u1';

  it('moves a ticket from open to mine when I accept it, and out of open when someone else does', () => {
    const a = makeTicket();
    const b = makeTicket();
    let board = place(place(emptyBoard(), a, me), b, me);
    expect(board.open.map((t) => t.id)).to.have.members([a.id, b.id]);
    board = place(board, { ...a, status: 'assigned', assignee: { id: me, name: 'Me' } }, me);
    board = place(board, { ...b, status: 'assigned', assignee: { id: 'u2', name: 'Other' } }, me);
    expect(board.open).to.deep.equal([]);
    expect(board.mine.map((t) => t.id)).to.deep.equal([a.id]);
    board = place(board, { ...a, status: 'closed', assignee: { id: me, name: 'Me' } }, me);
    expect(board.mine).to.deep.equal([]);
  });

  it('counts unread from messages, ignores replays and my own messages', () => {
    const t = makeTicket({ status: 'assigned', assignee: { id: me, name: 'Me' }, lastSeq: 2, readSeq: 2 });
    let board = fromLists([], [t], me);
    board = applyMessage(board, makeMessage(3, { ticketId: t.id }), me);
    board = applyMessage(board, makeMessage(3, { ticketId: t.id }), me);
    expect(board.mine[0]!.lastSeq - board.mine[0]!.readSeq!).to.equal(1);
    board = applyMessage(board, makeMessage(4, { ticketId: t.id, author: { kind: 'member', id: me } }), me);
    expect(board.mine[0]!.readSeq).to.equal(4);
    board = applyRead(applyMessage(board, makeMessage(5, { ticketId: t.id }), me), t.id, 5);
    expect(board.mine[0]!.lastSeq - board.mine[0]!.readSeq!).to.equal(0);
  });

  it('leaves the unread count and lastSeq alone for an internal note (numbered apart)', () => {
    const t = makeTicket({ status: 'assigned', assignee: { id: me, name: 'Me' }, lastSeq: 2, readSeq: 2 });
    const board = applyMessage(fromLists([], [t], me), makeMessage(9, { ticketId: t.id, internal: true, afterSeq: 2, author: { kind: 'admin', id: 'a1' } }), me);
    expect([board.mine[0]!.lastSeq, board.mine[0]!.readSeq]).to.deep.equal([2, 2]);
  });

  it('keeps only open tickets and my assigned ones from an HTTP load', () => {
    const open = makeTicket();
    const stale = makeTicket({ status: 'rejected' });
    const mine = makeTicket({ status: 'assigned', assignee: { id: me, name: 'Me' } });
    const theirs = makeTicket({ status: 'assigned', assignee: { id: 'u2', name: 'X' } });
    const board = fromLists([open, stale], [mine, theirs], me);
    expect(board.open.map((t) => t.id)).to.deep.equal([open.id]);
    expect(board.mine.map((t) => t.id)).to.deep.equal([mine.id]);
  });
});

describe('console helpers', () => {
  it('filters tickets by every field and by text', () => {
    const t = makeTicket({ status: 'assigned', urgency: 'high', category: 'Billing', assignee: { id: 'u9', name: 'Zoe' }, description: 'Refund for order 42' });
    expect(matches(t, noFilter())).to.equal(true);
    expect(matches(t, { ...noFilter(), status: 'open' })).to.equal(false);
    expect(matches(t, { ...noFilter(), urgency: 'high', category: 'Billing', assignee: 'u9' })).to.equal(true);
    expect(matches(t, { ...noFilter(), assignee: 'none' })).to.equal(false);
    expect(matches(t, { ...noFilter(), text: 'REFUND' })).to.equal(true);
    expect(matches(t, { ...noFilter(), text: 'shipping' })).to.equal(false);
  });

  it('parses and builds hash routes', () => {
    expect(parseRoute('#/tickets/abc')).to.deep.equal({ name: 'ticket', id: 'abc' });
    expect(parseRoute('#/admin/sites')).to.deep.equal({ name: 'sites' });
    expect(parseRoute('')).to.deep.equal({ name: 'open' });
    expect(parseRoute(href({ name: 'ticket', id: 'a/b' }))).to.deep.equal({ name: 'ticket', id: 'a/b' });
  });

  it('scales sparkline points into the box, highest at the top', () => {
    const pts = sparkPoints([0, 5, 10], 100, 50, 0).split(' ').map((p) => p.split(',').map(Number));
    expect(pts).to.deep.equal([[0, 50], [50, 25], [100, 0]]);
    expect(sparkPoints([], 100, 50)).to.equal('');
  });

  it('formats ages and durations compactly', () => {
    const now = Date.parse('2026-01-01T12:00:00Z');
    expect(formatAge('2026-01-01T11:59:50Z', now)).to.equal('just now');
    expect(formatAge('2026-01-01T11:55:00Z', now)).to.equal('5 min');
    expect(formatAge('2025-12-30T12:00:00Z', now)).to.equal('2 d');
    expect(formatDuration(null)).to.equal('—');
    expect(formatDuration(4500)).to.equal('1 h 15 min');
  });
});
