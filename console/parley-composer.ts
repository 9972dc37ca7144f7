import { LitElement, css, html, nothing } from 'lit';
import { fillPlaceholders, LIMITS, matchCanned, type Attachment, type CannedResponse, type PlaceholderValues } from '../protocol/index.ts';
import { emit } from './emit.ts';
import { pastedFiles } from './pasted-files.ts';
import { theme } from './theme.styles.ts';
import './parley-attachment-tray.ts';

const TYPING_EVERY_MS = 2500;

/** What `parley-send` carries: the text (may be '' when there are files) and the uploaded files. */
export interface OutgoingMessage {
  body: string;
  attachments: Attachment[];
}

/** A message that is only `/` and a word asks for the saved replies. */
const SLASH = /^\/([a-z0-9_-]*)$/i;
const MENU_SIZE = 8;

/**
 * Writes a message. Enter sends, Shift+Enter adds a line. Typing `/` (and a shortcut) in an empty
 * field opens the saved replies: arrow keys choose, Enter inserts (placeholders filled), Escape closes.
 * The "Note" toggle (where `noteable`) switches to writing an internal note, seen by staff only; it
 * works while replying is disabled too (a closed ticket, a colleague's conversation).
 * With `ticket-id`, a reply may carry files (the paperclip, `addFiles` for a drop, or a paste): Send
 * waits until every upload is done and then sends the message once, with them. Notes take no files,
 * so the paperclip and the files hide while writing one (they come back for the reply).
 * @attr ticket-id - the ticket files are uploaded to (none: no files)
 * @attr disabled - no replying (with `notice` saying why)
 * @attr noteable - the user may write internal notes here
 * @attr notice - shown instead of the field when disabled (and not writing a note)
 * @prop canned - the saved replies this user may use
 * @prop placeholders - what {{customer.name}}, {{agent.name}} and {{ticket.id}} become
 * @slot - an action shown beside the notice (e.g. "Join the conversation")
 * @fires parley-send - detail: OutgoingMessage (body trimmed; non-empty unless there are files)
 * @fires parley-note - detail: the note's body (trimmed, non-empty)
 * @fires parley-typing - at most every 2.5 s while the user types; detail: `{internal}` (true while writing a note)
 */
export class ParleyComposer extends LitElement {
  static override styles = [theme, css`
    :host { display: block; border-top: 1px solid var(--p-border); background: var(--p-surface); padding: 12px 14px; }
    form { display: flex; gap: 8px; align-items: end; }
    textarea { flex: 1; min-height: 40px; max-height: 160px; resize: none; }
    .btn { min-height: 40px; }
    .notice { display: flex; flex-wrap: wrap; gap: 10px; align-items: center; justify-content: center; padding: 10px 12px; border-radius: 8px; background: #f1f2f6; color: var(--p-muted); font-weight: 550; text-align: center; }
    .count { font-size: 12px; color: var(--p-muted); text-align: right; margin-top: 4px; }
    .count.over { color: var(--p-danger); }
    form { position: relative; }
    [role=listbox] { position: absolute; left: 0; right: 0; bottom: calc(100% + 6px); margin: 0; padding: 4px; list-style: none; background: var(--p-surface); border: 1px solid var(--p-border); border-radius: 10px; box-shadow: 0 10px 30px rgb(16 24 40 / 16%); max-height: 280px; overflow-y: auto; z-index: 2; }
    [role=option] { padding: 6px 10px; border-radius: 7px; cursor: pointer; display: grid; gap: 2px; }
    [role=option][aria-selected=true] { background: var(--p-accent-soft); }
    [role=option] code { font-weight: 650; color: var(--p-accent-strong); }
    [role=option] .preview { color: var(--p-muted); font-size: 12.5px; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
    .menu-empty { padding: 8px 10px; color: var(--p-muted); }
    .note-toggle[aria-pressed=true] { background: #fff8e1; border-color: #d9a400; color: #5c4400; }
    :host([data-note]) textarea { background: #fffbeb; border-color: #d9a400; }
    .hint { font-size: 12px; color: #7a5b00; margin-top: 4px; }
    form { flex-wrap: wrap; }
    .waiting { font-size: 12px; color: var(--p-muted); margin-top: 4px; }
    .waiting.problem { color: var(--p-danger); font-weight: 550; }
  `];
  static override properties = {
    disabled: { type: Boolean, reflect: true },
    ticketId: { attribute: 'ticket-id' },
    waiting: { state: true },
    problem: { state: true },
    noteable: { type: Boolean },
    note: { state: true },
    notice: {},
    length: { state: true },
    canned: { attribute: false },
    placeholders: { attribute: false },
    query: { state: true },
    active: { state: true },
  };
  declare disabled: boolean;
  declare ticketId: string;
  /** Send was pressed while files were still uploading: it goes once they are done. */
  declare waiting: boolean;
  /** Why the message cannot go yet (a failed upload). */
  declare problem: string;
  declare noteable: boolean;
  /** Writing an internal note rather than a reply. */
  declare note: boolean;
  declare notice: string;
  declare length: number;
  declare canned: CannedResponse[];
  declare placeholders: PlaceholderValues;
  /** The text after `/` while the saved replies are open; null while they are closed. */
  declare query: string | null;
  /** Index of the highlighted reply. */
  declare active: number;
  private lastTyping = 0;

  constructor() {
    super();
    this.disabled = false;
    this.ticketId = '';
    this.waiting = false;
    this.problem = '';
    this.noteable = false;
    this.note = false;
    this.notice = '';
    this.length = 0;
    this.canned = [];
    this.placeholders = { 'customer.name': '', 'agent.name': '', 'ticket.id': '' };
    this.query = null;
    this.active = 0;
  }

  private get shown(): CannedResponse[] {
    return this.query === null ? [] : matchCanned(this.canned, this.query).slice(0, MENU_SIZE);
  }

  /** Replaces the field's text with a saved reply, its placeholders filled. */
  private insert(r: CannedResponse) {
    const field = this.field!;
    field.value = fillPlaceholders(r.body, this.placeholders);
    this.query = null;
    this.input();
    field.focus();
    field.setSelectionRange(field.value.length, field.value.length);
  }

  private get field() {
    return this.renderRoot.querySelector('textarea');
  }

  private get tray() {
    return this.renderRoot.querySelector('parley-attachment-tray');
  }

  /** Files dropped on the conversation (ignored while writing a note, or without a ticket). */
  addFiles(files: readonly File[]) {
    if (this.note || !this.ticketId || !files.length) return;
    this.problem = '';
    this.tray?.add(files);
  }

  override focus() {
    void this.updateComplete.then(() => this.field?.focus());
  }

  /** Switches to writing a note (or back to a reply) and puts the cursor in the field. */
  toggleNote(on = !this.note) {
    if (!this.noteable && on) return;
    this.note = on;
    this.query = null;
    this.focus();
  }

  protected override willUpdate() {
    if (!this.noteable) this.note = false;
    this.toggleAttribute('data-note', this.note);
  }

  private async submit(e?: Event): Promise<void> {
    e?.preventDefault();
    const field = this.field;
    if (!field || (this.disabled && !this.note) || this.waiting) return;
    const tray = this.note ? null : this.tray;
    const files = tray?.state.count ?? 0;
    if ((!field.value.trim() && !files) || field.value.trim().length > LIMITS.messageBody) return;
    if (tray?.state.busy) {
      this.waiting = true;
      const state = await tray.settled();
      this.waiting = false;
      if (!state.failed) return this.submit();
    }
    if (tray?.state.failed) {
      this.problem = tray.state.final ? 'A file cannot be sent as it is: remove it, then send.' : 'A file did not upload: retry or remove it, then send.';
      return;
    }
    this.problem = '';
    const body = field.value.trim();
    if (!body && !tray?.attachments.length) return;
    if (this.note) emit(this, 'parley-note', body);
    else emit<OutgoingMessage>(this, 'parley-send', { body, attachments: tray?.attachments ?? [] });
    tray?.clear();
    field.value = '';
    this.length = 0;
    field.style.height = '';
  }

  private input() {
    const field = this.field!;
    const slash = this.canned.length && !this.note ? SLASH.exec(field.value) : null;
    if ((slash?.[1] ?? null) !== this.query) this.active = 0;
    this.query = slash ? slash[1]! : null;
    this.length = field.value.length;
    field.style.height = '';
    field.style.height = `${Math.min(field.scrollHeight + 2, 160)}px`;
    const now = Date.now();
    if (field.value && !slash && now - this.lastTyping > TYPING_EVERY_MS) {
      this.lastTyping = now;
      emit(this, 'parley-typing', { internal: this.note });
    }
  }

  /** A pasted screenshot or copied file joins the message (text in the same paste still pastes). */
  private paste(e: ClipboardEvent) {
    if (this.note || !this.ticketId || !e.clipboardData) return;
    const files = pastedFiles(e.clipboardData);
    if (!files.length) return;
    if (!e.clipboardData.types.includes('text/plain')) e.preventDefault();
    this.addFiles(files);
  }

  private keydown(e: KeyboardEvent) {
    if (this.query !== null && this.menuKey(e)) return;
    if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) this.submit(e);
  }

  /** Arrow keys, Enter and Escape while the saved replies are open; true when the key was used. */
  private menuKey(e: KeyboardEvent): boolean {
    const n = this.shown.length;
    if (e.key === 'Escape') this.query = null;
    else if (e.key === 'ArrowDown' && n) this.active = (this.active + 1) % n;
    else if (e.key === 'ArrowUp' && n) this.active = (this.active - 1 + n) % n;
    else if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
      const pick = this.shown[this.active];
      if (!pick) return false;
      this.insert(pick);
    } else return false;
    e.preventDefault();
    // Escape closes the list only, not a dialog around it.
    e.stopPropagation();
    return true;
  }

  private menu() {
    if (this.query === null) return null;
    const items = this.shown;
    return html`<ul id="canned" role="listbox" aria-label="Saved replies">${items.length
      ? items.map((r, i) => html`<li id="canned-${i}" role="option" aria-selected=${i === this.active ? 'true' : 'false'}
          @mousedown=${(e: Event) => e.preventDefault()} @click=${() => this.insert(r)}>
          <span><code>/${r.shortcut}</code> ${r.title}</span><span class="preview">${r.body}</span></li>`)
      : html`<li class="menu-empty" role="option" aria-disabled="true" aria-selected="false">No saved reply matches /${this.query}</li>`}</ul>`;
  }

  override render() {
    const toggle = this.noteable
      ? html`<button class="btn note-toggle" type="button" aria-pressed=${this.note ? 'true' : 'false'} title="Internal note, seen by staff only (n)"
          @click=${() => this.toggleNote()}>Note</button>`
      : nothing;
    if (this.disabled && !this.note) return html`<div class="notice" role="status">${this.notice || 'Sending is not available.'}<slot></slot>${toggle}</div>`;
    const over = this.length > LIMITS.messageBody;
    const open = this.query !== null;
    const placeholder = this.note ? 'Write an internal note… (@name notifies a colleague)' : this.canned.length ? 'Write a reply… (/ for saved replies)' : 'Write a reply…';
    return html`<form @submit=${this.submit}>
        ${this.menu()}
        ${toggle}
        ${this.ticketId ? html`<parley-attachment-tray ticket-id=${this.ticketId} ?hidden=${this.note}
          @parley-attachments-change=${() => (this.problem = '')}></parley-attachment-tray>` : nothing}
        <textarea rows="1" aria-label=${this.note ? 'Internal note' : 'Message'} placeholder=${placeholder}
          role="combobox" aria-autocomplete="list" aria-expanded=${open ? 'true' : 'false'} aria-controls="canned"
          aria-activedescendant=${open && this.shown.length ? `canned-${this.active}` : ''}
          @input=${this.input} @keydown=${this.keydown} @paste=${this.paste} @blur=${() => (this.query = null)}></textarea>
        <button class="btn primary" type="submit" ?disabled=${over || this.waiting}>${this.note ? 'Add note' : 'Send'}</button>
      </form>
      ${this.waiting && !this.note ? html`<div class="waiting" role="status">Sending once the files have uploaded…</div>` : nothing}
      ${this.problem && !this.note ? html`<div class="waiting problem" role="alert">${this.problem}</div>` : nothing}
      ${this.note ? html`<div class="hint">Only staff see notes; the customer is never shown one.</div>` : nothing}
      ${this.length > LIMITS.messageBody * 0.8 ? html`<div class="count ${over ? 'over' : ''}">${this.length} / ${LIMITS.messageBody}</div>` : null}`;
  }
}
customElements.define('parley-composer', ParleyComposer);
declare global {
  interface HTMLElementTagNameMap { 'parley-composer': ParleyComposer }
}
