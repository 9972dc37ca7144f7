import { useSignal } from '@preact/signals';
import { useRef } from 'preact/hooks';
// Straight from the module: protocol/index.ts would bring the lifecycle rules into the bundle.
import { LIMITS } from '../../protocol/limits.ts';
import type { Store } from '../actions.ts';
import { put } from '../store.ts';
import { attach, dropTarget, Tray } from './attach.ts';
import { Icon } from './icons.tsx';

/**
 * The message box: Enter sends, Shift+Enter adds a line; typing is announced at most every 2.5 s.
 * What is typed is a draft (s.drafts): it survives closing the panel, a reload, and the ticket closing meanwhile.
 * Files (the paperclip, paste, drop) upload at once; Send waits until every one is up, then sends their ids with the text.
 */
export function Composer({ s, ticketId }: { s: Store; ticketId: string }) {
  const t = s.t.value;
  // Read once (peek): the field owns its text, so a keystroke redraws nothing.
  const draft = s.drafts.peek()[ticketId] ?? '';
  // A signal, not state: with no hook state the binding skips the composer when the chat above it redraws.
  const empty = useSignal(!draft.trim());
  const area = useRef<HTMLTextAreaElement>(null);
  const lastTyping = useRef(0);
  const picker = useRef<HTMLInputElement>(null);
  const files = s.uploads.value[ticketId] ?? [];
  // Running or failed uploads hold the message back (a failed one is retried or removed first).
  const held = files.some((f) => !f.att);

  const send = (e: Event) => {
    e.preventDefault();
    const field = area.current!;
    const body = field.value.trim();
    if (held || !body && !files.length) return;
    s.send(ticketId, body, files.map((f) => f.att!));
    put(s.uploads, ticketId, []);
    field.value = '';
    field.style.height = '';
    put(s.drafts, ticketId, '');
    empty.value = true;
  };

  const input = () => {
    const field = area.current!;
    empty.value = !field.value.trim();
    put(s.drafts, ticketId, field.value);
    field.style.height = 'auto';
    field.style.height = `${field.scrollHeight + 2}px`;
    if (Date.now() - lastTyping.current > 2500) {
      lastTyping.current = Date.now();
      s.typing(ticketId);
    }
  };

  return (
    <>
      {files.length > 0 && <Tray s={s} ticketId={ticketId} />}
      <form class="composer" onSubmit={send} {...dropTarget(s, ticketId)}>
      <button class="icon" type="button" aria-label={t.attach} onClick={() => picker.current!.click()}>
        <Icon name="clip" />
      </button>
      <input ref={picker} type="file" multiple hidden onChange={(e) => (attach(s, ticketId, e.currentTarget.files), (e.currentTarget.value = ''))} />
      <textarea
        ref={area}
        rows={1}
        data-focus
        aria-label={t.message}
        placeholder={t.message}
        maxLength={LIMITS.messageBody}
        defaultValue={draft}
        onInput={input}
        onPaste={(e) => attach(s, ticketId, e.clipboardData?.files) && e.preventDefault()}
        onKeyDown={(e) => e.key === 'Enter' && !e.shiftKey && !e.isComposing && send(e)}
      />
      <button class="icon" type="submit" aria-label={t.send} disabled={held || (empty.value && !files.length)}>
        <Icon name="send" flip />
      </button>
      </form>
    </>
  );
}
