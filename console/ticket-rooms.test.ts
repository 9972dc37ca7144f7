import { expect } from 'chai';
import type { ClientFrame, Message, ServerFrame } from '../protocol/index.ts';
import type { RealtimeSocket } from '../protocol/client/index.ts';
import { TicketRooms } from './ticket-rooms.ts';
import { makeMessage } from './test/fixtures.ts';

/** Just enough of RealtimeSocket for rooms: records frames, acks joins, lets the test emit server frames. */
function fakeSocket() {
  const sent: ClientFrame[] = [];
  const listeners = new Map<string, Set<(f: ServerFrame) => void>>();
  const socket = {
    state: 'open',
    on(type: string, h: (f: ServerFrame) => void) {
      if (!listeners.has(type)) listeners.set(type, new Set());
      listeners.get(type)!.add(h);
      return () => listeners.get(type)!.delete(h);
    },
    send(frame: ClientFrame) {
      sent.push(frame);
    },
    push(frame: ClientFrame) {
      sent.push(frame);
      return { result: Promise.resolve({ status: 'ack', reply: { type: 'ack' } }) };
    },
  };
  const emit = (frame: ServerFrame) => listeners.get(frame.type)?.forEach((h) => h(frame));
  return { socket: socket as unknown as RealtimeSocket, sent, emit };
}

describe('ticket rooms', () => {
  it('joins once for several watchers and delivers each message once to each', () => {
    const { socket, sent, emit } = fakeSocket();
    const rooms = new TicketRooms(socket);
    const a: Message[] = [];
    const b: Message[] = [];
    rooms.watch('t1', { message: (m) => a.push(m) }, 2);
    rooms.watch('t1', { message: (m) => b.push(m) }, 2);
    expect(sent.filter((f) => f.type === 'join')).to.have.length(1);
    expect(sent[0]).to.include({ type: 'join', ticketId: 't1', after: 2 });
    emit({ type: 'message', message: makeMessage(3, { ticketId: 't1' }) });
    emit({ type: 'message', message: makeMessage(3, { ticketId: 't1' }) });
    emit({ type: 'message', message: makeMessage(2, { ticketId: 't1' }) });
    rooms.receive(makeMessage(4, { ticketId: 't1' }));
    expect(a.map((m) => m.seq)).to.deep.equal([3, 4]);
    expect(b.map((m) => m.seq)).to.deep.equal([3, 4]);
  });

  it('leaves the room only when its last watcher goes', () => {
    const { socket, sent, emit } = fakeSocket();
    const rooms = new TicketRooms(socket);
    const seen: number[] = [];
    const offA = rooms.watch('t1', {});
    const offB = rooms.watch('t1', { message: (m) => seen.push(m.seq) });
    offA();
    expect(sent.some((f) => f.type === 'leave')).to.equal(false);
    emit({ type: 'message', message: makeMessage(1, { ticketId: 't1' }) });
    expect(seen).to.deep.equal([1]);
    offB();
    expect(sent.filter((f) => f.type === 'leave')).to.deep.equal([{ type: 'leave', ticketId: 't1' }]);
    expect(rooms.watched).to.deep.equal([]);
    offB();
    expect(sent.filter((f) => f.type === 'leave')).to.have.length(1);
  });

  it('keeps tickets apart', () => {
    const { socket, emit } = fakeSocket();
    const rooms = new TicketRooms(socket);
    const one: string[] = [];
    rooms.watch('t1', { message: (m) => one.push(m.ticketId) });
    rooms.watch('t2', {});
    emit({ type: 'message', message: makeMessage(1, { ticketId: 't2' }) });
    expect(one).to.deep.equal([]);
    expect(rooms.watched).to.have.members(['t1', 't2']);
  });
});
