// An image at full size over the panel. The close button takes focus and keeps it (Tab stays, the
// only control); Esc closes without closing the panel. Part of the attachments chunk.
import { useEffect, useRef } from 'preact/hooks';
import type { Attachment } from '../../protocol/attachments.ts';
import { Icon } from './icons.tsx';

export function Lightbox({ file, src, label, close }: { file: Attachment; src: string; label: string; close: () => void }) {
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => button.current!.focus(), []);
  const key = (e: KeyboardEvent) => {
    if (e.key !== 'Escape' && e.key !== 'Tab') return;
    e.preventDefault();
    e.stopPropagation();
    if (e.key === 'Escape') close();
  };
  return (
    <div class="lightbox" role="dialog" aria-modal="true" aria-label={file.name} onKeyDown={key} onClick={(e) => e.target === e.currentTarget && close()}>
      <button ref={button} type="button" class="icon" aria-label={label} onClick={close}>
        <Icon name="close" />
      </button>
      <img src={src} alt={file.name} width={file.width} height={file.height} />
    </div>
  );
}
