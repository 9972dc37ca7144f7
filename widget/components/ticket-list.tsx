import type { Store } from '../actions.ts';
import { fill } from '../i18n/index.ts';
import { StatusPill } from './status-pill.tsx';

/** The customer's tickets, newest first, with live status and unread counts. */
export function TicketList({ s }: { s: Store }) {
  const t = s.t.value;
  const tickets = [...s.tickets.value].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  if (!tickets.length) return <p class="muted">{t.noTickets}</p>;
  return (
    <ul aria-label={t.yourTickets}>
      {tickets.map((tk) => {
        const unread = s.unreadOf(tk);
        return (
          <li key={tk.id}>
            <button class="ticket" onClick={() => s.go({ name: 'ticket', id: tk.id })}>
              <span class="row">
                <strong>{tk.category}</strong>
                {unread > 0 && <span class="count" aria-label={fill(t.unread, { n: unread })}>{unread}</span>}
                <StatusPill s={s} status={tk.status} />
              </span>
              <span class="desc">{tk.description}</span>
            </button>
          </li>
        );
      })}
    </ul>
  );
}
