import { LitElement, css, html } from 'lit';
import { emit } from './emit.ts';
import { theme } from './theme.styles.ts';

/**
 * The header's search field. Enter searches; Escape clears focus. The app focuses it on `/`. Its name
 * says "Find" so it never shares a name with the search fields of the pages below it.
 * @prop value - the text shown (the current search, when on the results page)
 * @fires parley-search - detail: the trimmed text (never empty)
 */
export class ParleySearchBox extends LitElement {
  static override styles = [theme, css`
    :host { display: block; width: min(360px, 40vw); }
    form { position: relative; }
    input { padding-right: 34px; }
    kbd { position: absolute; right: 8px; top: 50%; transform: translateY(-50%); font: 600 11px/1 ui-monospace, monospace; padding: 3px 6px;
      border: 1px solid var(--p-border); border-radius: 4px; color: var(--p-muted); background: #fafbfc; pointer-events: none; }
    input:focus + kbd { display: none; }
  `];
  static override properties = { value: {} };
  declare value: string;

  constructor() {
    super();
    this.value = '';
  }

  /** Puts the cursor in the field, its text selected so typing replaces it. */
  focusField() {
    const input = this.renderRoot.querySelector('input');
    input?.focus();
    input?.select();
  }

  private submit(e: Event) {
    e.preventDefault();
    const q = this.renderRoot.querySelector('input')!.value.trim();
    if (q) emit(this, 'parley-search', q);
  }

  override render() {
    return html`<form role="search" @submit=${this.submit}>
      <input type="search" name="q" aria-label="Find tickets: words, a ticket id or an email" placeholder="Find tickets" maxlength="200" autocomplete="off"
        .value=${this.value} @keydown=${(e: KeyboardEvent) => e.key === 'Escape' && (e.target as HTMLInputElement).blur()} />
      <kbd aria-hidden="true">/</kbd>
    </form>`;
  }
}
customElements.define('parley-search-box', ParleySearchBox);
declare global {
  interface HTMLElementTagNameMap { 'parley-search-box': ParleySearchBox }
}
