import { Duplex } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { corkForTurn } from './cork.ts';

/** A real stream that records how its writes reach the "system": one entry per write call, with its chunks. */
function recordingSocket(): { socket: Duplex; writes: string[][] } {
  const writes: string[][] = [];
  const socket = new Duplex({
    read() {},
    write(chunk: Buffer, _enc, done) {
      writes.push([chunk.toString()]);
      done();
    },
    writev(chunks, done) {
      writes.push(chunks.map((c) => String(c.chunk)));
      done();
    },
  });
  return { socket, writes };
}

const nextTurn = () => new Promise((r) => setImmediate(r));

describe('corkForTurn', () => {
  it('sends the frames written in one burst, from promise jobs too, in one write', async () => {
    const { socket, writes } = recordingSocket();
    corkForTurn(socket);
    socket.write('message');
    await Promise.resolve();
    corkForTurn(socket);
    socket.write('ack');
    expect(writes).toEqual([]);
    await nextTurn();
    expect(writes).toEqual([['message', 'ack']]);
  });

  it('uncorks every socket of the burst, and corks again on the next one', async () => {
    const a = recordingSocket();
    const b = recordingSocket();
    for (const s of [a, b]) corkForTurn(s.socket), s.socket.write('one'), s.socket.write('two');
    await nextTurn();
    expect([a.writes, b.writes]).toEqual([[['one', 'two']], [['one', 'two']]]);
    corkForTurn(a.socket);
    a.socket.write('three');
    await nextTurn();
    expect(a.writes).toEqual([['one', 'two'], ['three']]);
  });

  it('writes each frame on its own without it (what the burst saves)', async () => {
    const { socket, writes } = recordingSocket();
    socket.write('message');
    socket.write('ack');
    await nextTurn();
    expect(writes.length).toBe(2);
  });
});
