// The eager side of attachments, kept tiny for the opening budget: everything else (upload, tray,
// thumbnails, lightbox, their styles and strings) is the chunk widget-attachments.js, fetched the
// first time a file is picked, pasted or dropped, or a message with files is drawn.
import type { Store } from '../actions.ts';
import { lazy } from './lazy.ts';

const chunk = () => import('./attachments.ts');

/** Hands picked, pasted or dropped files to the chunk; how many there were. */
export const attach = (s: Store, ticketId: string, files?: FileList | null) => {
  const list = [...(files ?? [])];
  if (list.length) void chunk().then((m) => m.add(s, ticketId, list));
  return list.length;
};

/** Files dropped onto the conversation attach (without this the browser would open them). */
export const dropTarget = (s: Store, ticketId: string) => ({
  onDragOver: (e: DragEvent) => e.preventDefault(),
  onDrop: (e: DragEvent) => (e.preventDefault(), attach(s, ticketId, e.dataTransfer?.files)),
});

/** The uploads above the composer. */
export const Tray = lazy(chunk, 'Tray');
/** A message's files: thumbnails and download rows. */
export const Files = lazy(chunk, 'Files');
