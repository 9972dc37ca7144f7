// The admin's ticket filters as one pure predicate (the text filter matches description, customer and category).
import type { Ticket, TicketStatus, Urgency } from '../protocol/index.ts';
import { customerName } from './format.ts';

export interface TicketFilter {
  status: TicketStatus | '';
  category: string;
  urgency: Urgency | '';
  /** An assignee id, '' for anyone, or 'none' for unassigned. */
  assignee: string;
  /** A label the ticket must carry, or ''. */
  label: string;
  text: string;
}

export const noFilter = (): TicketFilter => ({ status: '', category: '', urgency: '', assignee: '', label: '', text: '' });

export function matches(t: Ticket, f: TicketFilter): boolean {
  if (f.status && t.status !== f.status) return false;
  if (f.category && t.category !== f.category) return false;
  if (f.urgency && t.urgency !== f.urgency) return false;
  if (f.assignee === 'none' ? t.assignee !== null : f.assignee && t.assignee?.id !== f.assignee) return false;
  if (f.label && !(t.labels ?? []).includes(f.label)) return false;
  const text = f.text.trim().toLowerCase();
  if (text && ![t.description, customerName(t), t.category, t.id, ...(t.labels ?? [])].some((s) => s.toLowerCase().includes(text))) return false;
  return true;
}
