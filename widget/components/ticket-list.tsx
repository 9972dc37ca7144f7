import type { Store } from '../actions.ts';
import { categoryLabel } from '../store.ts';
import { StatusPill } from './status-pill.tsx';

/** The customer's tickets, newest first, with live status and unread counts. */
export function TicketList({ s }: { s: Store }) {
  const t = s.t.value;
  const tickets = [...s.tickets.value].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  if (!tickets.length) return <small>{t.noTickets}</small>;
  return (
    <ul aria-label={t.yourTickets}>
      {tickets.map((tk) => {
        const unread = s.unreadOf(tk);
        return (
          <li key={tk.id}>
            <button class="ticket" onClick={() => s.go({ name: 'ticket', id: tk.id })}>
              <span class="row">
                <b>{categoryLabel(s, tk.category)}</b>
                {unread > 0 && <span class="pill count">{unread}</span>}
                <StatusPill s={s} status={tk.status} />
              </span>
              <small dir="auto">{tk.description}</small>
            </button>
          </li>
        );
      })}
    </ul>
  );
}
