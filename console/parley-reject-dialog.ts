import { LitElement, css, html } from 'lit';
import { LIMITS, type Ticket } from '../protocol/index.ts';
import { emit } from './emit.ts';
import { customerName } from './format.ts';
import { theme } from './theme.styles.ts';

/**
 * Asks for an optional reason before rejecting a ticket (a modal native <dialog>: focus trap and Escape for free).
 * @prop ticket - the ticket to reject; setting it opens the dialog, null closes it
 * @fires parley-confirm-reject - detail: {ticket, reason}
 * @fires parley-cancel - the dialog was dismissed
 */
export class ParleyRejectDialog extends LitElement {
  static override styles = [theme, css`
    dialog { border: none; border-radius: 12px; padding: 0; width: min(440px, 92vw); box-shadow: 0 20px 50px rgb(16 24 40 / 25%); }
    dialog::backdrop { background: rgb(15 20 35 / 35%); }
    form { display: grid; gap: 14px; padding: 22px; }
    .row { display: flex; gap: 8px; justify-content: flex-end; }
  `];
  static override properties = { ticket: { attribute: false } };
  declare ticket: Ticket | null;

  constructor() {
    super();
    this.ticket = null;
  }

  private get dialog() {
    return this.renderRoot.querySelector('dialog');
  }

  protected override updated() {
    const d = this.dialog;
    if (!d) return;
    if (this.ticket && !d.open) {
      d.querySelector('textarea')!.value = '';
      d.showModal();
    } else if (!this.ticket && d.open) d.close();
  }

  private submit(e: SubmitEvent) {
    e.preventDefault();
    if (!this.ticket) return;
    const reason = this.dialog!.querySelector('textarea')!.value.trim();
    emit(this, 'parley-confirm-reject', { ticket: this.ticket, reason });
  }

  override render() {
    const t = this.ticket;
    return html`<dialog aria-labelledby="reject-title" @close=${() => this.ticket && emit(this, 'parley-cancel')}>
      <form @submit=${this.submit}>
        <h2 id="reject-title">Reject this ticket?</h2>
        <p class="muted" style="margin:0">${t ? `${customerName(t)} · ${t.category}. The customer sees that it was rejected, with your reason if you give one.` : ''}</p>
        <label class="field">Reason (optional)
          <textarea name="reason" rows="3" maxlength=${LIMITS.rejectReason} placeholder="e.g. Please contact billing@ directly"></textarea>
        </label>
        <div class="row">
          <button class="btn" type="button" @click=${() => emit(this, 'parley-cancel')}>Cancel</button>
          <button class="btn danger solid" type="submit">Reject ticket</button>
        </div>
      </form>
    </dialog>`;
  }
}
customElements.define('parley-reject-dialog', ParleyRejectDialog);
declare global {
  interface HTMLElementTagNameMap { 'parley-reject-dialog': ParleyRejectDialog }
}
