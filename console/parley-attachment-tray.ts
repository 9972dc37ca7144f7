import { LitElement, html, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { HttpError, MAX_ATTACHMENTS, refusedForGood, type Attachment } from '../protocol/index.ts';
import { api, errorText } from './api.ts';
import { uploadAttachment, type Upload } from './attachment-upload.ts';
import { emit } from './emit.ts';
import { formatBytes } from './format.ts';
import { theme } from './theme.styles.ts';
import { styles } from './parley-attachment-tray.styles.ts';

interface Item {
  key: number;
  file: File;
  state: 'uploading' | 'done' | 'failed';
  loaded: number;
  total: number;
  attachment?: Attachment;
  error?: string;
  /** Refused for what the file is: no Retry. */
  final?: boolean;
  upload?: Upload;
}

/** What the tray holds, for whoever sends: `busy` while an upload runs, `failed` while one needs retry or removal (`final`: removal only). */
export interface TrayState {
  busy: boolean;
  failed: boolean;
  final: boolean;
  count: number;
}

/**
 * The files going with the message being written. Each file uploads as soon as it is added (picker,
 * drop or paste: see `add`), with its progress; while uploading it can be cancelled, once up removed
 * (deleted on the server), and a failed one says why and can be retried. At most MAX_ATTACHMENTS.
 * The host is `display: contents`: the paperclip sits in its parent's row, the list on a line of its
 * own above it (the composer's form wraps).
 * @attr ticket-id - the ticket the files go to
 * @fires parley-attachments-change - detail: TrayState, after every change
 */
export class ParleyAttachmentTray extends LitElement {
  static override styles = [theme, styles];
  static override properties = {
    ticketId: { attribute: 'ticket-id' },
    items: { state: true },
    refused: { state: true },
  };
  declare ticketId: string;
  declare items: Item[];
  /** Why files were not added (over the limit), until the next change. */
  declare refused: string;
  private next = 0;

  constructor() {
    super();
    this.ticketId = '';
    this.items = [];
    this.refused = '';
  }

  /** Files belong to one ticket: another ticket starts with none (the old ones' uploads are dropped). */
  protected override willUpdate(changed: Map<string, unknown>) {
    if (changed.get('ticketId')) for (const item of this.items) this.discard(item);
  }

  /** The uploaded files, in the order they were added. */
  get attachments(): Attachment[] {
    return this.items.flatMap((i) => (i.state === 'done' && i.attachment ? [i.attachment] : []));
  }

  get state(): TrayState {
    const failed = this.items.filter((i) => i.state === 'failed');
    return { busy: this.items.some((i) => i.state === 'uploading'), failed: failed.length > 0, final: failed.some((i) => i.final), count: this.items.length };
  }

  /** Opens the file picker. */
  pick() {
    this.renderRoot.querySelector<HTMLInputElement>('input[type=file]')?.click();
  }

  /** Adds files and starts uploading them; those beyond MAX_ATTACHMENTS are refused with a reason. */
  add(files: readonly File[]) {
    const room = MAX_ATTACHMENTS - this.items.length;
    const taken = files.slice(0, Math.max(0, room));
    const left = files.length - taken.length;
    this.refused = left ? `At most ${MAX_ATTACHMENTS} files per message: ${left === 1 ? '1 file was' : `${left} files were`} not added.` : '';
    const added = taken.map((file): Item => ({ key: ++this.next, file, state: 'uploading', loaded: 0, total: file.size }));
    this.items = [...this.items, ...added];
    added.forEach((item) => this.start(item));
    this.changed();
  }

  /** Forgets every file without deleting it (they were just sent with a message). */
  clear() {
    this.items = [];
    this.refused = '';
    this.changed();
  }

  /** Resolves once no upload is running. */
  async settled(): Promise<TrayState> {
    while (this.state.busy) await new Promise((r) => this.addEventListener('parley-attachments-change', r, { once: true }));
    return this.state;
  }

  private start(item: Item) {
    const upload = uploadAttachment(this.ticketId, item.file, (loaded, total) => this.patch(item.key, { loaded, total }));
    this.patch(item.key, { upload, state: 'uploading', loaded: 0, error: undefined });
    upload.done.then(
      (attachment) => this.patch(item.key, { state: 'done', attachment, loaded: item.file.size, upload: undefined }),
      (e: unknown) => {
        // A cancelled upload has already left the list.
        if (e instanceof DOMException && e.name === 'AbortError') return;
        this.patch(item.key, { state: 'failed', error: errorText(e), final: e instanceof HttpError && refusedForGood(e.code), upload: undefined });
      },
    );
  }

  private patch(key: number, change: Partial<Item>) {
    if (!this.items.some((i) => i.key === key)) return;
    this.items = this.items.map((i) => (i.key === key ? { ...i, ...change } : i));
    if (change.state) this.changed();
  }

  private discard(item: Item) {
    item.upload?.abort();
    this.items = this.items.filter((i) => i.key !== item.key);
    this.refused = '';
    // An upload no message took is swept after a day anyway; deleting now frees it at once.
    if (item.attachment) void api.deleteAttachment(item.attachment.id).catch(() => {});
    this.changed();
  }

  private changed() {
    emit(this, 'parley-attachments-change', this.state);
  }

  private picked(e: Event) {
    const input = e.target as HTMLInputElement;
    this.add([...(input.files ?? [])]);
    // The same file may be picked again after removing it.
    input.value = '';
  }

  private row(i: Item) {
    const name = i.file.name;
    return html`<li data-state=${i.state} title=${name}>
      <span class="name">${name}</span>
      ${i.state === 'uploading'
        ? html`<progress max=${i.total || 1} value=${i.loaded} aria-label=${`Uploading ${name}`}></progress>
            <button type="button" class="x" aria-label=${`Cancel uploading ${name}`} @click=${() => this.discard(i)}>Cancel</button>`
        : i.state === 'failed'
          ? html`<span class="error" role="alert">${i.error}</span>
              ${i.final ? nothing : html`<button type="button" class="x" aria-label=${`Retry ${name}`} @click=${() => this.start(i)}>Retry</button>`}
              <button type="button" class="x" aria-label=${`Remove ${name}`} @click=${() => this.discard(i)}>Remove</button>`
          : html`<span class="size">${formatBytes(i.attachment?.size ?? i.file.size)}</span>
              <button type="button" class="x" aria-label=${`Remove ${name}`} @click=${() => this.discard(i)}>×</button>`}
    </li>`;
  }

  override render() {
    const full = this.items.length >= MAX_ATTACHMENTS;
    return html`${this.items.length || this.refused
        ? html`<div class="files">
            ${this.items.length ? html`<ul aria-label="Files to send">${repeat(this.items, (i) => i.key, (i) => this.row(i))}</ul>` : nothing}
            ${this.refused ? html`<p class="refused" role="alert">${this.refused}</p>` : nothing}</div>`
        : nothing}
      <button type="button" class="btn clip" aria-label="Attach files" title=${full ? `At most ${MAX_ATTACHMENTS} files per message` : 'Attach files (or drop or paste them)'}
        ?disabled=${full} @click=${this.pick}><svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true"><path fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round"
        d="M21 11.5 12.5 20a5 5 0 0 1-7-7L14 4.5a3.3 3.3 0 0 1 4.7 4.7l-8.5 8.5a1.7 1.7 0 0 1-2.4-2.4L15.5 8"/></svg></button>
      <input type="file" multiple hidden @change=${this.picked} />`;
  }
}
customElements.define('parley-attachment-tray', ParleyAttachmentTray);
declare global {
  interface HTMLElementTagNameMap { 'parley-attachment-tray': ParleyAttachmentTray }
}
