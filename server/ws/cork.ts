import type { Duplex } from 'node:stream';

const corked = new Set<Duplex>();

function uncorkAll(): void {
  const sockets = [...corked];
  corked.clear();
  for (const s of sockets) s.uncork();
}

/**
 * Holds a socket's writes until the current burst of work is done (the next tick, after the promise
 * jobs running now): the frames a batch's fan-out sends one socket (its message, an ack) then leave
 * in one write, one system call, instead of one each. `ws` writes every frame with its own write.
 */
export function corkForTurn(socket: Duplex): void {
  if (corked.has(socket)) return;
  if (!corked.size) process.nextTick(uncorkAll);
  corked.add(socket);
  socket.cork();
}
