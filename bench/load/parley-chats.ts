/** Accounts and tickets for an open-loop run on Parley, made over the public HTTP API before any socket opens. */
import { type CustomerSession, type ParleyApi, type StaffSession } from '../lib/parley-api.ts';
import { mapPool, step } from '../lib/pool.ts';

export interface ParleyChats {
  members: StaffSession[];
  /** Each chat: an accepted ticket, its customer, and the index of the member who accepted it. */
  chats: { ticketId: string; customer: CustomerSession; member: number }[];
  /** Visitor tokens for the idle sockets (several sockets per visitor, as a visitor's tabs). */
  idleTokens: string[];
}

export async function prepareParleyChats(
  api: ParleyApi,
  siteKey: string,
  admin: StaffSession,
  o: { members: number; chats: number; idleVisitors: number },
): Promise<ParleyChats> {
  const members = await step('members', api.createMembers(admin, o.members, `load-${Date.now().toString(36)}`));
  // Tickets are made and accepted while no member socket is open, so set-up does not flood the
  // members with ticket_created events that are not what is measured.
  const chats = await mapPool(o.chats, 12, async (i) => {
    const customer = await step(`chat ${i}: visitor`, api.visitor(siteKey, i));
    const ticket = await step(`chat ${i}: create ticket`, api.createTicket(customer, `Open-loop chat ${i}`, i));
    const member = i % o.members;
    await step(`chat ${i}: accept`, api.accept(members[member], ticket.id));
    return { ticketId: ticket.id, customer, member };
  });
  const idle = await mapPool(o.idleVisitors, 16, (i) => step(`idle visitor ${i}`, api.visitor(siteKey, o.chats + i)));
  return { members, chats, idleTokens: idle.map((v) => v.token) };
}
