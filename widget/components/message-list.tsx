import type { Store } from '../actions.ts';
import { linkify } from './linkify.tsx';

/**
 * The conversation: stored messages in seq order, then the customer's unsent ones with their state.
 * A polite live region, so a screen reader announces what arrives.
 */
export function MessageList({ s, ticketId }: { s: Store; ticketId: string }) {
  const t = s.t.value;
  const messages = s.messages.value[ticketId] ?? [];
  const theirRead = s.theirRead.value[ticketId] ?? 0;
  const time = (iso: string) => new Date(iso).toLocaleTimeString(s.locale.value, { hour: '2-digit', minute: '2-digit' });

  return (
    <div class="log" role="log" aria-live="polite" aria-relevant="additions">
      {messages.map((m) => {
        const mine = m.author.kind === 'customer';
        return (
          <div key={m.id} class={mine ? 'msg mine' : 'msg'}>
            <div class="bubble">{linkify(m.body)}</div>
            <div class="meta">
              {!mine && `${m.author.name || t.title} · `}
              {time(m.createdAt)}
              {mine && ` · ${m.seq <= theirRead ? t.read : t.sent}`}
            </div>
          </div>
        );
      })}
      {s.pending.value
        .filter((p) => p.ticketId === ticketId)
        .map((p) => (
          <div key={p.clientId} class={`msg mine ${p.state}`}>
            <div class="bubble">{linkify(p.body)}</div>
            <div class="meta">
              {p.state === 'failed' ? (
                <>
                  {t.failed}
                  {p.error && ` (${p.error})`} ·{' '}
                  <button onClick={() => s.retry(p.clientId)}>
                    {t.retry}
                  </button>
                </>
              ) : (
                t.sending
              )}
            </div>
          </div>
        ))}
    </div>
  );
}
