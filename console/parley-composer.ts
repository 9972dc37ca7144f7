import { LitElement, css, html } from 'lit';
import { LIMITS } from '../protocol/index.ts';
import { emit } from './emit.ts';
import { theme } from './theme.styles.ts';

const TYPING_EVERY_MS = 2500;

/**
 * Writes a message. Enter sends, Shift+Enter adds a line.
 * @attr disabled - no sending (with `notice` saying why)
 * @attr notice - shown instead of the field when disabled
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
  `];
  static override properties = {
    disabled: { type: Boolean, reflect: true },
    notice: {},
    length: { state: true },
  };
  declare disabled: boolean;
  declare notice: string;
  declare length: number;
  private lastTyping = 0;

  constructor() {
    super();
    this.disabled = false;
    this.notice = '';
    this.length = 0;
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
    this.length = field.value.length;
    field.style.height = '';
    field.style.height = `${Math.min(field.scrollHeight + 2, 160)}px`;
    const now = Date.now();
    if (field.value && now - this.lastTyping > TYPING_EVERY_MS) {
      this.lastTyping = now;
      emit(this, 'parley-typing');
    }
  }

  private keydown(e: KeyboardEvent) {
    if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) this.submit(e);
  }

  override render() {
    if (this.disabled) return html`<div class="notice" role="status">${this.notice || 'Sending is not available.'}<slot></slot></div>`;
    const over = this.length > LIMITS.messageBody;
    return html`<form @submit=${this.submit}>
        <textarea rows="1" aria-label="Message" placeholder="Write a reply…" @input=${this.input} @keydown=${this.keydown}></textarea>
        <button class="btn primary" type="submit" ?disabled=${over}>Send</button>
      </form>
      ${this.length > LIMITS.messageBody * 0.8 ? html`<div class="count ${over ? 'over' : ''}">${this.length} / ${LIMITS.messageBody}</div>` : null}`;
  }
}
customElements.define('parley-composer', ParleyComposer);
declare global {
  interface HTMLElementTagNameMap { 'parley-composer': ParleyComposer }
}
