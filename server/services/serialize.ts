import type { Message as WireMessage, Site as WireSite, Ticket as WireTicket, TicketEvent as WireEvent, User as WireUser, Customer as WireCustomer, PublicSite, AuthorKind } from '../../protocol/index.ts';
import { availabilityAt } from '../domain/hours.ts';
import type { Customer, Message, Site, Ticket, TicketEvent, User } from '../entities/index.ts';

const iso = (d: Date | null | undefined): string | null => (d ? new Date(d).toISOString() : null);

/** A ticket as the wire shows it; `customer` and `assignee` must be loaded. */
export function ticketToWire(t: Ticket, readSeq?: number): WireTicket {
  return {
    id: t.id,
    siteId: t.site.id,
    customer: { id: t.customer.id, name: t.customer.name ?? null },
    category: t.category,
    urgency: t.urgency,
    description: t.description,
    status: t.status,
    assignee: t.assignee ? { id: t.assignee.id, name: t.assignee.name } : null,
    rejectReason: t.rejectReason ?? null,
    createdAt: iso(t.createdAt)!,
    acceptedAt: iso(t.acceptedAt),
    rejectedAt: iso(t.rejectedAt),
    closedAt: iso(t.closedAt),
    lastSeq: t.lastSeq,
    labels: t.labels ?? [],
    ...(readSeq === undefined ? {} : { readSeq }),
  };
}

/** Row shape of `messages` as raw SQL returns it. */
export interface MessageRow {
  id: string;
  ticket_id: string;
  seq: number;
  client_id: string;
  author_kind: string;
  author_id: string;
  author_name: string | null;
  body: string;
  created_at: Date | string;
  internal: boolean;
  after_seq: number | null;
}

export const messageRowToWire = (r: MessageRow): WireMessage => ({
  id: r.id,
  ticketId: r.ticket_id,
  seq: Number(r.seq),
  clientId: r.client_id,
  author: { kind: r.author_kind as AuthorKind, id: r.author_id, name: r.author_name },
  body: r.body,
  createdAt: iso(r.created_at as Date)!,
  internal: r.internal === true,
  ...(r.internal ? { afterSeq: Number(r.after_seq ?? 0) } : {}),
});

/** A message entity as the wire shows it (the ticket needs no loading: its id is on the reference). */
export const messageToWire = (m: Message): WireMessage => ({
  id: m.id,
  ticketId: m.ticket.id,
  seq: m.seq,
  clientId: m.clientId,
  author: { kind: m.authorKind as AuthorKind, id: m.authorId, name: m.authorName ?? null },
  body: m.body,
  createdAt: iso(m.createdAt)!,
  internal: m.internal,
  ...(m.internal ? { afterSeq: m.afterSeq ?? 0 } : {}),
});

export const userToWire = (u: User): WireUser => ({
  id: u.id,
  email: u.email,
  name: u.name,
  role: u.role,
  active: u.active,
  status: u.status as WireUser['status'],
  capacity: u.capacity,
  mailNewTickets: u.mailNewTickets,
  mailCustomerReplies: u.mailCustomerReplies,
  createdAt: iso(u.createdAt)!,
});

export const customerToWire = (c: Customer): WireCustomer => ({
  id: c.id,
  siteId: c.site.id,
  name: c.name ?? null,
  email: c.email ?? null,
  verified: c.verified,
  externalId: c.externalId ?? null,
});

/** What the widget and the console both read of a site. */
const siteBasics = (s: Site) => ({
  id: s.id,
  name: s.name,
  categories: s.categories,
  // Left out when unset, so the session of a site without translations is as DESIGN.md shows it.
  ...(s.categoryLabels ? { categoryLabels: s.categoryLabels } : {}),
  requireIdentity: s.requireIdentity,
  askEmail: s.askEmail as PublicSite['askEmail'],
  transcripts: s.transcripts,
});

export const publicSite = (s: Site): PublicSite => ({
  ...siteBasics(s),
  ...(s.hours ? { availability: wireAvailability(availabilityAt(s.hours, new Date())) } : {}),
});

const wireAvailability = (a: { open: boolean; backAt: Date | null }) => ({ open: a.open, backAt: a.backAt?.toISOString() ?? null });

export function siteToWire(s: Site, publicUrl: string): WireSite {
  return {
    ...siteBasics(s),
    key: s.key,
    secret: s.secret,
    origins: s.origins,
    routing: s.routing as WireSite['routing'],
    hours: s.hours ?? null,
    snippet: `<script src="${publicUrl}/widget.js" data-site="${s.key}" async></script>`,
    createdAt: iso(s.createdAt)!,
  };
}

export const eventToWire = (e: TicketEvent): WireEvent => ({
  id: e.id,
  ticketId: e.ticket.id,
  action: e.action as WireEvent['action'],
  from: e.fromStatus ?? null,
  to: e.toStatus,
  actor: { kind: e.actorKind as AuthorKind, id: e.actorId, name: e.actorName ?? null },
  reason: e.reason ?? null,
  at: iso(e.createdAt)!,
});
