import type { Store } from '../actions.ts';
import { TicketList } from './ticket-list.tsx';

/** First screen: greeting, whether anyone is online, a new-ticket button and the ticket list. */
export function Home({ s }: { s: Store }) {
  const t = s.t.value;
  const staff = s.staff.value;
  return (
    <div class="body">
      <p class="greet" tabIndex={-1} data-focus>
        {s.theme.value.greeting || t.greeting}
      </p>
      {staff && !staff.length && <p class="note">{t.staffOffline}</p>}
      <button class="primary" onClick={() => s.go({ name: 'new' })}>
        {t.newTicket}
      </button>
      <TicketList s={s} />
    </div>
  );
}
