import { LitElement, html, nothing } from 'lit';
import type { Rating, Ticket, TicketEvent } from '../protocol/index.ts';
import { api } from './api.ts';
import { customerName, formatDateTime } from './format.ts';
import { theme } from './theme.styles.ts';
import { styles } from './parley-ticket-details.styles.ts';

const EVENT_LABEL: Record<TicketEvent['action'], string> = {
  create: 'Created',
  accept: 'Accepted',
  reject: 'Rejected',
  close: 'Closed',
  release: 'Released to the queue',
  transfer: 'Transferred',
};

/**
 * The left side of the chat: who, what, how urgent, the status and the history of transitions.
 * @prop ticket - the ticket shown
 * @prop events - its audit trail, oldest first
 * The customer's rating of a closed ticket is read here (one request per closed ticket shown).
 * @slot actions - buttons for the viewer (accept, reject, close)
 */
export class ParleyTicketDetails extends LitElement {
  static override styles = [theme, styles];
  static override properties = {
    ticket: { attribute: false },
    events: { attribute: false },
    rating: { state: true },
  };
  declare ticket: Ticket | null;
  declare events: TicketEvent[];
  declare rating: Rating | null;
  private ratingOf = '';

  constructor() {
    super();
    this.ticket = null;
    this.events = [];
    this.rating = null;
  }

  override updated() {
    const t = this.ticket;
    const key = t?.status === 'closed' ? t.id : '';
    if (key === this.ratingOf) return;
    this.ratingOf = key;
    if (this.rating) this.rating = null;
    if (key) void api.rating(key).then((r) => key === this.ratingOf && (this.rating = r), () => {});
  }

  private actor(e: TicketEvent): string {
    if (e.actor.kind === 'customer') return e.actor.name || 'the customer';
    return e.actor.name || e.actor.kind;
  }

  override render() {
    const t = this.ticket;
    if (!t) return nothing;
    return html`<section aria-label="Ticket details">
      <div class="top">
        <span class="badge status-${t.status}" data-status=${t.status}>${t.status}</span>
        <span class="badge urgency-${t.urgency}">${t.urgency}</span>
      </div>
      <dl>
        <dt>Customer</dt><dd>${customerName(t)}</dd>
        <dt>Category</dt><dd>${t.category}</dd>
        <dt>Opened</dt><dd>${formatDateTime(t.createdAt)}</dd>
        <dt>Assignee</dt><dd>${t.assignee?.name ?? html`<span class="muted">Nobody yet</span>`}</dd>
        ${t.rejectReason ? html`<dt>Reason</dt><dd>${t.rejectReason}</dd>` : nothing}
        ${this.rating ? html`<dt>Rating</dt><dd class="rating"><span aria-label="${this.rating.score} out of 5">${'★'.repeat(this.rating.score)}${'☆'.repeat(5 - this.rating.score)}</span>
          ${this.rating.comment ? html`<q>${this.rating.comment}</q>` : nothing}</dd>` : nothing}
      </dl>
      <div>
        <h3>Description</h3>
        <p class="desc">${t.description}</p>
      </div>
      <slot name="actions"></slot>
      <div>
        <h3>History</h3>
        ${this.events.length
          ? html`<ol>${this.events.map((e) => html`<li class=${e.action}>
              <div class="ev">${EVENT_LABEL[e.action]} <span class="muted">by ${this.actor(e)}</span></div>
              <div class="when"><time datetime=${e.at}>${formatDateTime(e.at)}</time></div>
              ${e.reason ? html`<div class="reason">“${e.reason}”</div>` : nothing}
            </li>`)}</ol>`
          : html`<p class="muted">No transitions recorded yet.</p>`}
      </div>
    </section>`;
  }
}
customElements.define('parley-ticket-details', ParleyTicketDetails);
declare global {
  interface HTMLElementTagNameMap { 'parley-ticket-details': ParleyTicketDetails }
}
