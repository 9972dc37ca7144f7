import { LitElement, html } from 'lit';
import { theme } from './theme.styles.ts';
import { styles } from './parley-state.styles.ts';
import { emit } from './emit.ts';

export type StateKind = 'empty' | 'loading' | 'error';

/**
 * An empty, loading or error placeholder with one consistent look.
 * @attr kind - "empty" | "loading" | "error"
 * @attr heading - the short title
 * @attr message - one sentence of explanation
 * @fires parley-retry - the user pressed "Try again" (error kind only)
 * @slot - extra actions
 */
export class ParleyState extends LitElement {
  static override styles = [theme, styles];
  static override properties = {
    kind: { reflect: true },
    heading: {},
    message: {},
  };
  declare kind: StateKind;
  declare heading: string;
  declare message: string;

  constructor() {
    super();
    this.kind = 'empty';
    this.heading = '';
    this.message = '';
  }

  override render() {
    const role = this.kind === 'error' ? 'alert' : 'status';
    return html`<div class="box ${this.kind}" role=${role} aria-busy=${this.kind === 'loading' ? 'true' : 'false'}>
      ${this.kind === 'loading' ? html`<div class="spinner" aria-hidden="true"></div>` : html`<div class="icon" aria-hidden="true">${this.kind === 'error' ? '!' : '✓'}</div>`}
      <div class="heading">${this.heading || (this.kind === 'loading' ? 'Loading…' : this.kind === 'error' ? 'Something went wrong' : 'Nothing here')}</div>
      ${this.message ? html`<div>${this.message}</div>` : null}
      ${this.kind === 'error' ? html`<button class="btn" @click=${() => emit(this, 'parley-retry')}>Try again</button>` : null}
      <slot></slot>
    </div>`;
  }
}
customElements.define('parley-state', ParleyState);
declare global {
  interface HTMLElementTagNameMap { 'parley-state': ParleyState }
}
