import { randomUUID } from 'node:crypto';
import type { Message } from '../../protocol/index.ts';

/** What both relays do instead of storing: number the message in its room and stamp it. */
export function relayMessage(seqs: Map<string, number>, ticketId: string, clientId: string, body: string): Message {
  const seq = (seqs.get(ticketId) ?? 0) + 1;
  seqs.set(ticketId, seq);
  return { id: randomUUID(), ticketId, seq, clientId, author: { kind: 'customer', id: 'relay' }, body, createdAt: new Date().toISOString() };
}
