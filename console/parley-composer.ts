import { LitElement, css, html } from 'lit';
import { fillPlaceholders, LIMITS, matchCanned, type CannedResponse, type PlaceholderValues } from '../protocol/index.ts';
import { emit } from './emit.ts';
import { theme } from './theme.styles.ts';

const TYPING_EVERY_MS = 2500;

/** A message that is only `/` and a word asks for the saved replies. */
const SLASH = /^\/([a-z0-9_-]*)$/i;
const MENU_SIZE = 8;

/**
 * Writes a message. Enter sends, Shift+Enter adds a line. Typing `/` (and a shortcut) in an empty
 * field opens the saved replies: arrow keys choose, Enter inserts (placeholders filled), Escape closes.
 * @attr disabled - no sending (with `notice` saying why)
 * @attr notice - shown instead of the field when disabled
 * @prop canned - the saved replies this user may use
 * @prop placeholders - what {{customer.name}}, {{agent.name}} and {{ticket.id}} become
 * @slot - an action shown beside the notice (e.g. "Join the conversation")
 * @fires parley-send - detail: the message body (trimmed, non-empty)
 * @fires parley-typing - at most every 2.5 s while the user types
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
  `];
  static override properties = {
    disabled: { type: Boolean, reflect: true },
    notice: {},
    length: { state: true },
    canned: { attribute: false },
    placeholders: { attribute: false },
    query: { state: true },
    active: { state: true },
  };
  declare disabled: boolean;
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

  override focus() {
    void this.updateComplete.then(() => this.field?.focus());
  }

  private submit(e?: Event) {
    e?.preventDefault();
    const field = this.field;
    if (!field || this.disabled) return;
    const body = field.value.trim();
    if (!body || body.length > LIMITS.messageBody) return;
    emit(this, 'parley-send', body);
    field.value = '';
    this.length = 0;
    field.style.height = '';
  }

  private input() {
    const field = this.field!;
    const slash = this.canned.length ? SLASH.exec(field.value) : null;
    if ((slash?.[1] ?? null) !== this.query) this.active = 0;
    this.query = slash ? slash[1]! : null;
    this.length = field.value.length;
    field.style.height = '';
    field.style.height = `${Math.min(field.scrollHeight + 2, 160)}px`;
    const now = Date.now();
    if (field.value && !slash && now - this.lastTyping > TYPING_EVERY_MS) {
      this.lastTyping = now;
      emit(this, 'parley-typing');
    }
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
    if (this.disabled) return html`<div class="notice" role="status">${this.notice || 'Sending is not available.'}<slot></slot></div>`;
    const over = this.length > LIMITS.messageBody;
    const open = this.query !== null;
    return html`<form @submit=${this.submit}>
        ${this.menu()}
        <textarea rows="1" aria-label="Message" placeholder=${this.canned.length ? 'Write a reply… (/ for saved replies)' : 'Write a reply…'}
          role="combobox" aria-autocomplete="list" aria-expanded=${open ? 'true' : 'false'} aria-controls="canned"
          aria-activedescendant=${open && this.shown.length ? `canned-${this.active}` : ''}
          @input=${this.input} @keydown=${this.keydown} @blur=${() => (this.query = null)}></textarea>
        <button class="btn primary" type="submit" ?disabled=${over}>Send</button>
      </form>
      ${this.length > LIMITS.messageBody * 0.8 ? html`<div class="count ${over ? 'over' : ''}">${this.length} / ${LIMITS.messageBody}</div>` : null}`;
  }
}
customElements.define('parley-composer', ParleyComposer);
declare global {
  interface HTMLElementTagNameMap { 'parley-composer': ParleyComposer }
}
