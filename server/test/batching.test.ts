import { describe, expect, it } from 'vitest';
import type { Message, Ticket } from '../../protocol/index.ts';
import { newTicket } from '../testing/api.ts';
import { loadConfig } from '../config.ts';
import { useAssignedTicket } from '../testing/fixture.ts';

// The customer fires 72 messages at once, past one user's fair-use burst (that limit is tested in http-fair-use.test.ts).
const f = useAssignedTicket({ fairUse: { ...loadConfig({}).fairUse, userMessages: { perSecond: 1000, burst: 1000 } } });

describe('batched message writes', () => {
  it('numbers each ticket on its own, stores a clientId once, and refuses only the rows that break a rule', async () => {
    const { c } = f;
    const tickets: Ticket[] = [f.ticket];
    for (let i = 0; i < 2; i++) {
      const t = (await newTicket(c.customer, `ticket ${i}`)).body;
      await c.member.post(`/api/tickets/${t.id}/accept`);
      tickets.push(t);
    }
    const closed = (await newTicket(c.customer, 'closed one')).body;
    await c.member.post(`/api/tickets/${closed.id}/accept`);
    await c.member.post(`/api/tickets/${closed.id}/close`);

    // Fired together, so the server's writer gets them in few statements.
    const sends: Promise<{ status: number; body: Message & { error?: { code: string } } }>[] = [];
    for (let i = 0; i < 15; i++) {
      for (const t of tickets) {
        sends.push(c.customer.post(`/api/tickets/${t.id}/messages`, { clientId: `c-${i}`, body: `customer ${i}` }));
        sends.push(c.member.post(`/api/tickets/${t.id}/messages`, { clientId: `m-${i}`, body: `member ${i}` }));
        if (i % 4 === 0) sends.push(c.customer.post(`/api/tickets/${t.id}/messages`, { clientId: `c-${i}`, body: `customer ${i}` }));
      }
      sends.push(c.customer.post(`/api/tickets/${closed.id}/messages`, { clientId: `late-${i}`, body: 'too late' }));
    }
    const replies = await Promise.all(sends);
    const refused = replies.filter((r) => r.status === 409);
    expect(refused).toHaveLength(15);
    expect(refused.every((r) => r.body.error?.code === 'invalid_state')).toBe(true);
    expect(replies.filter((r) => r.status === 201)).toHaveLength(90);
    expect(replies.filter((r) => r.status === 200)).toHaveLength(12); // the resends

    for (const t of tickets) {
      const history = (await c.customer.get(`/api/tickets/${t.id}/messages?limit=200`)).body.messages as Message[];
      expect(history.map((m) => m.seq)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
      expect(new Set(history.map((m) => m.clientId)).size).toBe(30);
      for (const r of replies.filter((x) => x.status !== 409 && x.body.ticketId === t.id)) {
        expect(history.find((m) => m.clientId === r.body.clientId)?.seq).toBe(r.body.seq);
      }
      expect((await c.customer.get<Ticket>(`/api/tickets/${t.id}`)).body.lastSeq).toBe(30);
    }
    expect((await c.customer.get(`/api/tickets/${closed.id}/messages`)).body.messages).toEqual([]);
  });
});
