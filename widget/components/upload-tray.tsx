// The files attached in the composer, above it: name, size, progress while uploading, the reason and
// Retry after a failure, and cancel (uploading) or remove (uploaded). Part of the attachments chunk.
import type { Store } from '../actions.ts';
import { fileSize } from '../file-size.ts';
import { attachmentStrings } from '../i18n/attachments.ts';
import { fill } from '../i18n/index.ts';
import { discard, start } from '../upload.ts';
import { adoptStyles } from './adopt-styles.ts';
import { Icon } from './icons.tsx';

export function Tray({ s, ticketId }: { s: Store; ticketId: string }) {
  const t = s.t.value;
  const a = attachmentStrings(t.dir);
  return (
    <ul class="tray" ref={adoptStyles}>
      {(s.uploads.value[ticketId] ?? []).map((u) => {
        const name = u.file.name;
        return (
          <li key={u.key}>
            <span class="fname" dir="auto">
              {name}
            </span>
            <small>{fileSize(u.file.size, s.locale.value)}</small>
            {/* Cancel while in flight; otherwise (up or failed) remove. */}
            <button type="button" class="icon" aria-label={fill(u.xhr ? a.cancel : a.remove, { name })} onClick={() => discard(s, ticketId, u)}>
              <Icon name="close" />
            </button>
            {u.xhr && <progress max={1} value={u.sent} aria-label={fill(a.progress, { name })} />}
            {u.error && (
              <div class="why">
                <small class="error" role="alert">
                  {u.error}
                </small>
                {!u.final && (
                  <button type="button" onClick={() => start(s, ticketId, u)}>
                    {t.retry}
                  </button>
                )}
              </div>
            )}
          </li>
        );
      })}
    </ul>
  );
}
