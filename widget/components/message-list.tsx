import type { ComponentChildren } from 'preact';
import type { Attachment, Message } from '../../protocol/index.ts';
import type { Store } from '../actions.ts';
import { Files } from './attach.ts';
import { linkify } from './linkify.tsx';
import { initials } from './team-faces.tsx';

const bubble = (key: string, cls: string, body: string, meta: ComponentChildren, face?: string, files?: ComponentChildren) => (
  <div key={key} class={`msg ${cls}`}>
    {face && <span class="face" aria-hidden="true">{face}</span>}
    <div class="bubble" dir="auto">
      {linkify(body)}
      {files}
    </div>
    {meta && <div class="meta">{meta}</div>}
  </div>
);

/** A message's files; only a message that has some draws the chunk's component (and so fetches it). */
const filesOf = (s: Store, list?: Attachment[]) => !!list?.length && <Files s={s} list={list} />;

const day = (m?: Message) => m && new Date(m.createdAt).toDateString();
const sameGroup = (a: Message, b?: Message) => !!b && a.author.kind === b.author.kind && a.author.id === b.author.id && day(a) === day(b);

/**
 * The conversation: stored messages in seq order, grouped by author (name, face and time once, under
 * a group's last message), a separator when the day changes, "Seen" on the last message staff read;
 * then the customer's unsent ones with their state. A polite log, so a screen reader announces each new one.
 */
export function MessageList({ s, ticketId }: { s: Store; ticketId: string }) {
  const t = s.t.value;
  const locale = s.locale.value;
  const theirRead = s.theirRead.value[ticketId] ?? 0;
  const list = s.messages.value[ticketId] ?? [];
  const seen = list.findLast((m) => m.author.kind === 'customer' && m.seq <= theirRead)?.seq;
  // One formatter per render: toLocaleTimeString builds a new one per call, the main cost of a long list.
  const clock = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' });
  return (
    <div role="log" aria-live="polite">
      {list.map((m, i) => {
        const time = clock.format(new Date(m.createdAt));
        const last = !sameGroup(m, list[i + 1]);
        const mine = m.author.kind === 'customer';
        const name = m.author.name || t.title;
        const files = filesOf(s, m.attachments);
        return [
          day(m) !== day(list[i - 1]) && (
            <p key={`d${m.id}`} class="day">
              {new Date(m.createdAt).toLocaleDateString(locale, { dateStyle: 'medium' })}
            </p>
          ),
          mine
            ? bubble(m.id, 'mine', m.body, m.seq === seen ? `${time} · ${t.read}` : last && `${time}${m.seq > theirRead ? ` · ${t.sent}` : ''}`, undefined, files)
            : bubble(m.id, last ? 'last' : '', m.body, last && `${name} · ${time}`, last ? initials(name) : undefined, files),
        ];
      })}
      {s.pending.value.map(
        (p) =>
          p.ticketId === ticketId &&
          bubble(p.clientId, `mine ${p.state}`, p.body, p.state === 'sending' ? t.sending : <button onClick={() => s.retry(p.clientId)}>{`${t.failed}${p.error ? ` (${p.error})` : ''} · ${t.retry}`}</button>, undefined, filesOf(s, p.attachments)),
      )}
    </div>
  );
}
