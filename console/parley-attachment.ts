import { LitElement, html } from 'lit';
import { INLINE_TYPES, type Attachment } from '../protocol/index.ts';
import { emit } from './emit.ts';
import { formatBytes } from './format.ts';
import { theme } from './theme.styles.ts';
import { styles } from './parley-attachment.styles.ts';

/** The box a thumbnail fits in: the widget's (widget/components/attachment-files.tsx), so both sides look alike. */
export const THUMB = { width: 240, height: 180 };

/** A thumbnail's size: the image scaled down (never up) to fit THUMB, aspect kept. */
export function thumbSize(width: number, height: number): { width: number; height: number } {
  const scale = Math.min(1, THUMB.width / width, THUMB.height / height);
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

/** "PDF", "PNG", "Word": what a person calls the type. */
export function typeLabel(type: string): string {
  if (type.includes('wordprocessingml') || type.includes('opendocument.text')) return 'Document';
  if (type.includes('spreadsheetml') || type.includes('opendocument.spreadsheet')) return 'Spreadsheet';
  if (type.includes('presentationml')) return 'Presentation';
  const sub = type.split('/')[1] ?? type;
  return sub === 'plain' ? 'Text' : sub.toUpperCase();
}

/**
 * One file of a message. A browser-safe image (png, jpeg, gif, webp, with its size known) is a
 * thumbnail whose box is laid out from `width`/`height` before it loads, so the conversation does not
 * jump; activating it asks for the lightbox. Any other file is a row: name, type, size and a download
 * link (the server sends everything else as a download).
 * @prop attachment - the Attachment (its `url` is relative to the server, which serves the console)
 * @fires parley-open-image - detail: {attachment, opener} (the button to give focus back to)
 */
export class ParleyAttachment extends LitElement {
  static override styles = [theme, styles];
  static override properties = { attachment: { attribute: false } };
  declare attachment: Attachment | null;

  constructor() {
    super();
    this.attachment = null;
  }

  override render() {
    const a = this.attachment;
    if (!a) return null;
    if (INLINE_TYPES.includes(a.type) && a.width && a.height) {
      const box = thumbSize(a.width, a.height);
      return html`<button type="button" class="thumb" aria-label=${`Open image ${a.name}`} title=${a.name}
          @click=${(e: Event) => emit(this, 'parley-open-image', { attachment: a, opener: e.currentTarget })}>
        <img src=${a.url} alt=${a.name} width=${box.width} height=${box.height} loading="lazy" decoding="async" /></button>`;
    }
    return html`<div class="file">
      <span class="icon" aria-hidden="true">${typeLabel(a.type).slice(0, 4)}</span>
      <span class="text"><span class="name" title=${a.name}>${a.name}</span><span class="meta">${typeLabel(a.type)} · ${formatBytes(a.size)}</span></span>
      <a class="download" href=${a.url} download=${a.name} aria-label=${`Download ${a.name}`}>Download</a>
    </div>`;
  }
}
customElements.define('parley-attachment', ParleyAttachment);
declare global {
  interface HTMLElementTagNameMap { 'parley-attachment': ParleyAttachment }
}
