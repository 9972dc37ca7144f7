import type { ComponentChildren } from 'preact';
import type { Store } from '../actions.ts';
import { linkify } from './linkify.tsx';

const bubble = (key: string, cls: string, body: string, meta: ComponentChildren) => (
  <div key={key} class={`msg ${cls}`}>
    <div class="bubble" dir="auto">
      {linkify(body)}
    </div>
    <div class="meta">{meta}</div>
  </div>
);

/**
 * The conversation: stored messages in seq order, then the customer's unsent ones with their state.
 * A polite live region, so a screen reader announces what arrives.
 */
export function MessageList({ s, ticketId }: { s: Store; ticketId: string }) {
  const t = s.t.value;
  const theirRead = s.theirRead.value[ticketId] ?? 0;
  return (
    <div role="log" aria-live="polite">
      {(s.messages.value[ticketId] ?? []).map((m) => {
        const time = new Date(m.createdAt).toLocaleTimeString(s.locale.value, { hour: '2-digit', minute: '2-digit' });
        return m.author.kind === 'customer'
          ? bubble(m.id, 'mine', m.body, `${time} · ${m.seq <= theirRead ? t.read : t.sent}`)
          : bubble(m.id, '', m.body, `${m.author.name || t.title} · ${time}`);
      })}
      {s.pending.value.map(
        (p) =>
          p.ticketId === ticketId &&
          bubble(p.clientId, `mine ${p.state}`, p.body, p.state === 'sending' ? t.sending : <button onClick={() => s.retry(p.clientId)}>{`${t.failed}${p.error ? ` (${p.error})` : ''} · ${t.retry}`}</button>),
      )}
    </div>
  );
}
