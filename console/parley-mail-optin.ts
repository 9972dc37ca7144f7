import { LitElement, css, html } from 'lit';
import { emit } from './emit.ts';
import { theme } from './theme.styles.ts';

/**
 * The signed-in member's opt-in to mail for new tickets while no member is online (console header).
 * @prop checked - whether they opted in
 * @prop busy - a change is being saved
 * @fires parley-mail-optin - detail: the new choice (boolean)
 */
export class ParleyMailOptin extends LitElement {
  static override styles = [theme, css`
    :host { display: inline-flex; align-items: center; font-size: 13px; }
    label { display: inline-flex; align-items: center; gap: 4px; cursor: pointer; }
  `];
  static override properties = { checked: { type: Boolean }, busy: { type: Boolean } };
  declare checked: boolean;
  declare busy: boolean;

  constructor() {
    super();
    this.checked = false;
    this.busy = false;
  }

  override render() {
    return html`<label title="Mail me each new ticket while no member is online">
      <input type="checkbox" .checked=${this.checked} ?disabled=${this.busy}
        @change=${(e: Event) => emit(this, 'parley-mail-optin', (e.target as HTMLInputElement).checked)} />Mail me new tickets</label>`;
  }
}
customElements.define('parley-mail-optin', ParleyMailOptin);
declare global {
  interface HTMLElementTagNameMap { 'parley-mail-optin': ParleyMailOptin }
}
