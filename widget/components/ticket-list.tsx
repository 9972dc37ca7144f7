import type { Ticket } from '../../protocol/tickets.ts';
import type { Store } from '../actions.ts';
import type { homeStrings } from '../i18n/home.ts';
import { categoryLabel } from '../store.ts';
import { StatusPill } from './status-pill.tsx';

/** The customer's conversations, most recent first: category, live status, unread count, the last message (or the description) and its time. */
export function TicketList({ s, t }: { s: Store; t: ReturnType<typeof homeStrings> }) {
  // Each conversation by its latest message once known (else its description), the most recent first.
  const latest = (tk: Ticket) => s.messages.value[tk.id]?.at(-1);
  const at = (tk: Ticket) => latest(tk)?.createdAt ?? tk.createdAt;
  const tickets = [...s.tickets.value].sort((a, b) => at(b).localeCompare(at(a)));
  const clock = new Intl.DateTimeFormat(s.locale.value, { dateStyle: 'short', timeStyle: 'short' });
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
              <small dir="auto">{latest(tk)?.body ?? tk.description}</small>
              <time dateTime={at(tk)}>{clock.format(new Date(at(tk)))}</time>
            </button>
          </li>
        );
      })}
    </ul>
  );
}
