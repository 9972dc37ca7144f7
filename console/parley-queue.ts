import { LitElement, css, html } from 'lit';
import type { Ticket } from '../protocol/index.ts';
import { theme } from './theme.styles.ts';
import './parley-state.ts';
import './parley-ticket-table.ts';
import type { TableMode } from './parley-ticket-table.ts';

const COPY = {
  open: {
    label: 'Open tickets',
    intro: 'Waiting for a member. Sorted by urgency; click a column to sort.',
    empty: ['All caught up', 'No open tickets. New ones appear here the moment a customer sends them.'],
  },
  mine: {
    label: 'My tickets',
    intro: 'Tickets you accepted that are still in progress.',
    empty: ['No tickets assigned to you', 'Accept an open ticket to start a conversation.'],
  },
} as const;

/**
 * A member's list (open tickets or my tickets) in a card, with its loading, error and empty states.
 * @attr mode - "open" or "mine"
 * @prop tickets, busy, fresh, now - passed to the table
 * @prop loaded - false while the first load runs
 * @attr error - the load error, if any
 * @fires parley-retry - from the error state
 */
export class ParleyQueue extends LitElement {
  static override styles = [theme, css`
    :host { display: block; }
    section { overflow: hidden; }
    .head { padding: 14px 16px; border-bottom: 1px solid var(--p-border); }
    .head p { margin: 0; }
  `];
  static override properties = {
    mode: {},
    tickets: { attribute: false },
    busy: { attribute: false },
    fresh: { attribute: false },
    now: { type: Number },
    loaded: { type: Boolean },
    error: {},
  };
  declare mode: Exclude<TableMode, 'all'>;
  declare tickets: Ticket[];
  declare busy: ReadonlySet<string>;
  declare fresh: ReadonlySet<string>;
  declare now: number;
  declare loaded: boolean;
  declare error: string;

  constructor() {
    super();
    this.mode = 'open';
    this.tickets = [];
    this.busy = new Set();
    this.fresh = new Set();
    this.now = Date.now();
    this.loaded = false;
    this.error = '';
  }

  override render() {
    const copy = COPY[this.mode];
    const body = !this.loaded
      ? html`<parley-state kind="loading" heading="Loading tickets…"></parley-state>`
      : this.error
        ? html`<parley-state kind="error" message=${this.error}></parley-state>`
        : this.tickets.length
          ? html`<parley-ticket-table mode=${this.mode} .tickets=${this.tickets} .busy=${this.busy} .fresh=${this.fresh} .now=${this.now}></parley-ticket-table>`
          : html`<parley-state heading=${copy.empty[0]} message=${copy.empty[1]}></parley-state>`;
    return html`<section class="card" aria-label=${copy.label}><div class="head"><p class="muted">${copy.intro}</p></div>${body}</section>`;
  }
}
customElements.define('parley-queue', ParleyQueue);
declare global {
  interface HTMLElementTagNameMap { 'parley-queue': ParleyQueue }
}
