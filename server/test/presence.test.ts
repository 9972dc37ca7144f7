import { describe, expect, it } from 'vitest';
import { TestSocket } from '../testing/api.ts';
import { useAssignedTicket } from '../testing/fixture.ts';

const f = useAssignedTicket();
const staffOnline = (frame: { type: string; ticketId?: string; online?: { id: string }[] }) => frame.type === 'presence' && !frame.ticketId;

describe('presence', () => {
  it('tells a customer when no member is online, and when one comes and goes', async () => {
    const customer = await TestSocket.visitor(f.server.url, f.c.customer);
    f.sockets.push(customer);
    expect(await customer.next(staffOnline)).toMatchObject({ online: [] });
    const me = (await f.c.member.get('/api/auth/me')).body.user;
    const member = await TestSocket.staff(f.server.url, f.c.member);
    const online = await customer.next((x) => staffOnline(x) && (x as { online: { id: string }[] }).online.length > 0);
    expect(online).toMatchObject({ online: [{ id: me.id, kind: 'member', name: 'Mia Member' }] });
    const from = customer.frames.length;
    member.close();
    expect(await customer.next((x) => staffOnline(x) && (x as { online: unknown[] }).online.length === 0, 5000, from)).toBeTruthy();
  });

  it("lists who has a ticket open in that ticket's room", async () => {
    const customer = await TestSocket.visitor(f.server.url, f.c.customer);
    const member = await TestSocket.staff(f.server.url, f.c.member);
    f.sockets.push(customer, member);
    await customer.request({ type: 'join', ticketId: f.ticket.id });
    await member.request({ type: 'join', ticketId: f.ticket.id });
    const frame = await customer.next((x) => x.type === 'presence' && x.ticketId === f.ticket.id && x.online.length === 2);
    expect((frame as { online: { kind: string }[] }).online.map((p) => p.kind).sort()).toEqual(['customer', 'member']);
  });
});
