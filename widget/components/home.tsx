// The home screen, a chunk of its own (widget-home.js): a returning customer reopens on their
// conversation without it (panel.tsx fetches it when it is first shown, or soon after opening).
import { useEffect, useRef } from 'preact/hooks';
import type { Store } from '../actions.ts';
import css from '../home.styles.ts';
import { homeStrings } from '../i18n/home.ts';
import { TicketList } from './ticket-list.tsx';

/** First screen: greeting, whether anyone is online, a new-ticket button and the ticket list. */
export function Home({ s }: { s: Store }) {
  const greet = useRef<HTMLParagraphElement>(null);
  // This chunk may arrive after the panel moved focus: take it then.
  useEffect(() => greet.current!.focus(), []);
  const t = homeStrings(s.t.value.dir);
  const staff = s.staff.value;
  return (
    <div class="body">
      <style>{css}</style>
      <p class="greet" ref={greet} tabIndex={-1} data-focus>
        {s.theme.value.greeting || t.greeting}
      </p>
      {staff && !staff.length && <p class="note">{t.staffOffline}</p>}
      <button class="primary" onClick={() => s.go({ name: 'new' })}>
        {t.newTicket}
      </button>
      <TicketList s={s} t={t} />
    </div>
  );
}
