// A message's files: raster images as thumbnails sized from the Attachment's width/height (so the
// list does not jump when they load) that open the lightbox; every other file as a download row
// (name, type, size). Part of the attachments chunk.
import { useSignal } from '@preact/signals';
import { useRef } from 'preact/hooks';
import { type Attachment, INLINE_TYPES } from '../../protocol/attachments.ts';
import type { Store } from '../actions.ts';
import { fileSize } from '../file-size.ts';
import { attachmentStrings } from '../i18n/attachments.ts';
import { fill } from '../i18n/index.ts';
import { adoptStyles } from './adopt-styles.ts';
import { Lightbox } from './lightbox.tsx';

/** The thumbnail's size: the image's, scaled down to fit 240 × 180. */
const fit = ({ width = 1, height = 1 }: Attachment) => {
  const k = Math.min(1, 240 / width, 180 / height);
  return { width: Math.round(width * k), height: Math.round(height * k) };
};

/** Short names for the long media types (office formats); others by their subtype ("PDF"). */
const KINDS: Record<string, string> = { plain: 'TXT', document: 'DOCX', sheet: 'XLSX', presentation: 'PPTX', text: 'ODT', spreadsheet: 'ODS' };
const kind = (type: string) => {
  const last = type.split(/[/.]/).pop()!;
  return KINDS[last] ?? last.toUpperCase();
};

export function Files({ s, list }: { s: Store; list: Attachment[] }) {
  const shown = useSignal<Attachment | null>(null);
  const opener = useRef<HTMLElement | null>(null);
  const t = s.t.value;
  const a = attachmentStrings(t.dir);
  // URLs are relative to the server (capability URLs: no header needed, so <img src> works).
  const src = (f: Attachment) => s.ctx.server + f.url;
  return (
    <div class="files" ref={adoptStyles}>
      {list.map((f) =>
        f.width && f.height && INLINE_TYPES.includes(f.type) ? (
          <button key={f.id} type="button" class="thumb" aria-label={fill(a.open, { name: f.name })} onClick={(e) => ((opener.current = e.currentTarget), (shown.value = f))}>
            <img src={src(f)} alt="" {...fit(f)} />
          </button>
        ) : (
          <a key={f.id} class="file" href={src(f)} download={f.name}>
            <span dir="auto">{f.name}</span>
            <small>
              {kind(f.type)} · {fileSize(f.size, s.locale.value)}
            </small>
          </a>
        ),
      )}
      {shown.value && <Lightbox file={shown.value} src={src(shown.value)} label={t.close} close={() => ((shown.value = null), opener.current?.focus())} />}
    </div>
  );
}
