import { useRef, useState } from 'preact/hooks';
import { LIMITS } from '../../protocol/index.ts';
import type { Store } from '../actions.ts';
import { Icon } from './icons.tsx';

/** The message box: Enter sends, Shift+Enter adds a line; typing is announced at most every 2.5 s. */
export function Composer({ s, ticketId }: { s: Store; ticketId: string }) {
  const t = s.t.value;
  const [empty, setEmpty] = useState(true);
  const area = useRef<HTMLTextAreaElement>(null);
  const lastTyping = useRef(0);

  const send = (e: Event) => {
    e.preventDefault();
    const field = area.current!;
    const body = field.value.trim();
    if (!body) return;
    s.send(ticketId, body);
    field.value = '';
    field.style.height = '';
    setEmpty(true);
  };

  const input = () => {
    const field = area.current!;
    setEmpty(!field.value.trim());
    field.style.height = 'auto';
    field.style.height = `${field.scrollHeight + 2}px`;
    if (Date.now() - lastTyping.current > 2500) {
      lastTyping.current = Date.now();
      s.typing(ticketId);
    }
  };

  return (
    <form class="composer" onSubmit={send}>
      <textarea
        ref={area}
        rows={1}
        data-focus
        aria-label={t.message}
        placeholder={t.message}
        maxLength={LIMITS.messageBody}
        onInput={input}
        onKeyDown={(e) => e.key === 'Enter' && !e.shiftKey && !e.isComposing && send(e)}
      />
      <button class="icon" type="submit" aria-label={t.send} disabled={empty}>
        <Icon name="send" flip />
      </button>
    </form>
  );
}
