import { useSignal } from '@preact/signals';
import { useEffect, useRef } from 'preact/hooks';
import type { Store } from '../actions.ts';
import { fill } from '../i18n/index.ts';
import { load, save } from '../storage.ts';
import { categoryLabel, put, ticketById } from '../store.ts';
import { dropTarget } from './attach.ts';
import { Composer } from './composer.tsx';
import { lazy } from './lazy.ts';
import { MessageList } from './message-list.tsx';
import { StatusPill } from './status-pill.tsx';

/** The rating form is its own chunk (widget-rating.js), fetched only once a ticket is closed. */
const Rating = lazy(() => import('./rating.tsx'), 'Rating');

/** One ticket: its details, a note for its state, the conversation, and the composer while it is assigned. */
export function TicketView({ s, id }: { s: Store; id: string }) {
  const t = s.t.value;
  const scroller = useRef<HTMLDivElement>(null);
  const list = s.messages.value[id];
  const pending = s.pending.value;
  const count = (list?.length ?? 0) + pending.length;
  const tk = ticketById(s, id);
  // Where the customer was in this chat before a reload (saved as they scroll), applied once its messages are in.
  const restore = useRef(load<{ id?: string; y?: number }>(s.ctx.siteKey, 'scroll', {}));
  const atEnd = useRef(true);
  // A signal, not state: with no hook state the binding can skip this view when only its parent redraws.
  const unseen = useSignal(false);
  const toEnd = () => {
    scroller.current!.scrollTop = scroller.current!.scrollHeight;
    atEnd.current = true;
    unseen.value = false;
  };
  // New content at the end (a message, the closed note) scrolls smoothly into view, unless the
  // customer has scrolled up to read: then a pill offers to jump down.
  useEffect(() => {
    const r = restore.current;
    if (!scroller.current) return; // the ticket itself is not known yet
    if (r.id === id && r.y !== undefined) {
      if (list) (scroller.current!.scrollTop = r.y), (restore.current = {});
      return;
    }
    if (atEnd.current) toEnd();
    else unseen.value = true;
  }, [count, tk?.status]);
  const lastTop = useRef(0);
  const scrolled = () => {
    const el = scroller.current!;
    // Only scrolling up leaves the end: a smooth scroll down on its way there still follows.
    if (el.scrollHeight - el.scrollTop - el.clientHeight < 40) (atEnd.current = true), (unseen.value = false);
    else if (el.scrollTop < lastTop.current) atEnd.current = false;
    lastTop.current = el.scrollTop;
    save(s.ctx.siteKey, 'scroll', { id, y: Math.round(el.scrollTop) });
  };
  const closed = tk?.status === 'closed';
  if (!tk) return null;

  return (
    <>
      <div class="summary">
        <div class="row">
          <b tabIndex={-1} data-focus={tk.status !== 'assigned' || undefined}>
            {categoryLabel(s, tk.category)} · {t.urgencies[tk.urgency]}
          </b>
          <StatusPill s={s} status={tk.status} />
        </div>
        <small dir="auto">{tk.description}</small>
      </div>
      <div class="body chat" ref={scroller} onScroll={scrolled} {...(tk.status === 'assigned' && dropTarget(s, id))}>
        {tk.status === 'open' && (
          <p class="note">
            {s.queue.value[id] ? `${fill(t.inQueue, { n: s.queue.value[id] })} ` : ''}
            {t.waiting}
          </p>
        )}
        {tk.status === 'rejected' && (
          <p class="note" role="status">
            {fill(t.notice.rejected, { c: categoryLabel(s, tk.category) })} {tk.rejectReason}
          </p>
        )}
        {/* Redrawn only when a signal it reads changes (its messages, the read mark, the language). */}
        <MessageList s={s} ticketId={id} />
        {unseen.value && (
          <button class="pill jump" onClick={toEnd}>
            {t.newMessages}
          </button>
        )}
        {closed && (
          <>
            <p class="note" role="status">
              {t.closedNote}
            </p>
            <Rating s={s} ticket={tk} />
            {/* Text typed before the ticket closed under the customer moves into the new ticket's description. */}
            <button class="primary" onClick={() => (s.drafts.value[id] && put(s.drafts, 'new', s.drafts.value[id]!), s.go({ name: 'new' }))}>
              {t.startNew}
            </button>
          </>
        )}
      </div>
      {tk.status === 'assigned' && (
        <>
          <Typing s={s} id={id} />
          <Composer s={s} ticketId={id} />
        </>
      )}
    </>
  );
}

/** "Maya is typing…" with animated dots: the only component a typing event redraws. */
function Typing({ s, id }: { s: Store; id: string }) {
  const typing = s.typists.value[id];
  return (
    <small class="typing" aria-live="polite">
      {typing && (
        <>
          <span class="dots" aria-hidden="true">
            <i />
            <i />
            <i />
          </span>
          {fill(s.t.value.typing, { name: typing })}
        </>
      )}
    </small>
  );
}
