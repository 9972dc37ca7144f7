import { describe, expect, it } from 'vitest';
import type { Message, Ticket } from '../../protocol/index.ts';
import type { Envelope } from './events.ts';
import { fitPayload, MAX_NOTIFY_BYTES } from './pg-bus.ts';

const message = (body: string): Message => ({
  id: 'm1', ticketId: 't1', seq: 7, clientId: 'c1', author: { kind: 'customer', id: 'u1', name: null }, body, createdAt: '2026-01-01T00:00:00.000Z',
} as Message);
const bytes = (s: string) => Buffer.byteLength(s);

describe('fitPayload (NOTIFY payloads stay under PostgreSQL 8,000-byte limit)', () => {
  it('sends a small event whole', () => {
    const e: Envelope = { t: 'message', ticketId: 't1', seq: 7, message: message('hi'), i: 'a' };
    expect(JSON.parse(fitPayload(e))).toEqual(e);
  });

  it('drops the message of an event too large, keeping what the receiver needs to read it back', () => {
    // 3,999 two-byte characters: under the limit in UTF-16 units, over it in UTF-8 bytes.
    const e: Envelope = { t: 'message', ticketId: 't1', seq: 7, message: message('é'.repeat(3999)), i: 'a' };
    expect(JSON.stringify(e).length).toBeLessThan(MAX_NOTIFY_BYTES + 200);
    const out = fitPayload(e);
    expect(bytes(out)).toBeLessThanOrEqual(MAX_NOTIFY_BYTES);
    expect(JSON.parse(out)).toEqual({ t: 'message', ticketId: 't1', seq: 7, i: 'a' });
  });

  it('keeps an event exactly at the limit whole and fits one byte over it', () => {
    const base: Envelope = { t: 'message', ticketId: 't1', seq: 7, message: message(''), i: 'a' };
    const room = MAX_NOTIFY_BYTES - bytes(JSON.stringify(base));
    const at: Envelope = { ...base, message: message('x'.repeat(room)) };
    expect(bytes(JSON.stringify(at))).toBe(MAX_NOTIFY_BYTES);
    expect(fitPayload(at)).toBe(JSON.stringify(at));
    const over: Envelope = { ...base, message: message('x'.repeat(room + 1)) };
    expect(JSON.parse(fitPayload(over)).message).toBeUndefined();
  });

  it('sends a large ticket as its id, and a huge presence list cut short', () => {
    const ticket = { id: 't1', description: 'd'.repeat(9000) } as unknown as Ticket;
    const t: Envelope = { t: 'ticket', type: 'ticket_created', ticketId: 't1', customerId: 'c1', ticket, i: 'a' };
    expect(JSON.parse(fitPayload(t))).toEqual({ t: 'ticket', type: 'ticket_created', ticketId: 't1', customerId: 'c1', i: 'a' });
    const staff = Array.from({ length: 500 }, (_, k) => ({ kind: 'member' as const, id: `00000000-0000-0000-0000-${String(k).padStart(12, '0')}`, name: `Member ${k}` }));
    const p = fitPayload({ t: 'presence', staff, i: 'a' });
    expect(bytes(p)).toBeLessThanOrEqual(MAX_NOTIFY_BYTES);
    expect(JSON.parse(p).staff).toHaveLength(50);
  });
});
