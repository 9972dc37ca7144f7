import { LitElement, css, html } from 'lit';
import { emit } from './emit.ts';
import { theme } from './theme.styles.ts';

/** One of the member's mail opt-ins, as `PATCH /api/users/me` takes it. */
export type MailOptin = { mailNewTickets: boolean } | { mailCustomerReplies: boolean };

/**
 * The signed-in member's mail opt-ins (console header): new tickets while no member is online, and
 * customer replies on their tickets while they are not online.
 * @prop checked - whether they get new-ticket mail
 * @prop replies - whether they get customer-reply mail
 * @prop busy - a change is being saved
 * @fires parley-mail-optin - detail: the changed choice (MailOptin)
 */
export class ParleyMailOptin extends LitElement {
  static override styles = [theme, css`
    :host { display: inline-flex; align-items: center; gap: 10px; font-size: 13px; }
    label { display: inline-flex; align-items: center; gap: 4px; cursor: pointer; }
  `];
  static override properties = { checked: { type: Boolean }, replies: { type: Boolean }, busy: { type: Boolean } };
  declare checked: boolean;
  declare replies: boolean;
  declare busy: boolean;

  constructor() {
    super();
    this.checked = false;
    this.replies = false;
    this.busy = false;
  }

  private box(on: boolean, text: string, title: string, change: (on: boolean) => MailOptin) {
    return html`<label title=${title}><input type="checkbox" .checked=${on} ?disabled=${this.busy}
      @change=${(e: Event) => emit(this, 'parley-mail-optin', change((e.target as HTMLInputElement).checked))} />${text}</label>`;
  }

  override render() {
    return html`${this.box(this.checked, 'Mail me new tickets', 'Mail me each new ticket while no member is online', (on) => ({ mailNewTickets: on }))}
      ${this.box(this.replies, 'Mail me replies', 'Mail me a customer\'s reply on my tickets while I am not online', (on) => ({ mailCustomerReplies: on }))}`;
  }
}
customElements.define('parley-mail-optin', ParleyMailOptin);
declare global {
  interface HTMLElementTagNameMap { 'parley-mail-optin': ParleyMailOptin }
}
