import { LitElement, css, html, nothing } from 'lit';
import type { Team, Ticket } from '../protocol/index.ts';
import { api } from './api.ts';
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

/** The categories routed to the teams `userId` belongs to. */
export const teamCategories = (teams: readonly Team[], userId: string): Set<string> =>
  new Set(teams.filter((t) => t.memberIds.includes(userId)).flatMap((t) => t.categories));

/**
 * A member's list (open tickets or my tickets) in a card, with its loading, error and empty states.
 * On the open list, a member in a team gets a "My teams first" filter: only the tickets of their
 * teams' categories, with how many others are open (a filter, not a wall: unticked, all show).
 * @attr mode - "open" or "mine"
 * @attr user-id - the signed-in member (whose teams the filter uses; the teams load on connect)
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
    .head { display: flex; flex-wrap: wrap; justify-content: space-between; gap: 8px; align-items: center; }
    label { display: inline-flex; gap: 6px; align-items: center; font-size: 13px; font-weight: 600; }
  `];
  static override properties = {
    mode: {},
    tickets: { attribute: false },
    busy: { attribute: false },
    fresh: { attribute: false },
    now: { type: Number },
    loaded: { type: Boolean },
    error: {},
    userId: { attribute: 'user-id' },
    mineFirst: { state: true },
    teams: { state: true },
  };
  declare mode: Exclude<TableMode, 'all'>;
  declare tickets: Ticket[];
  declare busy: ReadonlySet<string>;
  declare fresh: ReadonlySet<string>;
  declare now: number;
  declare loaded: boolean;
  declare error: string;
  declare userId: string;
  declare mineFirst: boolean;
  declare teams: Team[];

  constructor() {
    super();
    this.mode = 'open';
    this.tickets = [];
    this.busy = new Set();
    this.fresh = new Set();
    this.now = Date.now();
    this.loaded = false;
    this.error = '';
    this.userId = '';
    this.mineFirst = true;
    this.teams = [];
  }

  override connectedCallback() {
    super.connectedCallback();
    // Teams are optional here: without them (or when they cannot load) the list is simply unfiltered.
    void api.teams().then((teams) => (this.teams = teams), () => {});
  }

  override render() {
    const copy = COPY[this.mode];
    const mine = this.mode === 'open' ? teamCategories(this.teams, this.userId) : new Set<string>();
    const filtering = mine.size > 0 && this.mineFirst;
    const shown = filtering ? this.tickets.filter((t) => mine.has(t.category)) : this.tickets;
    const others = this.tickets.length - shown.length;
    const body = !this.loaded
      ? html`<parley-state kind="loading" heading="Loading tickets…"></parley-state>`
      : this.error
        ? html`<parley-state kind="error" message=${this.error}></parley-state>`
        : shown.length
          ? html`<parley-ticket-table mode=${this.mode} .tickets=${shown} .busy=${this.busy} .fresh=${this.fresh} .now=${this.now}></parley-ticket-table>`
          : filtering && others
            ? html`<parley-state heading="Nothing for your teams" message="Untick “My teams first” to see the other open tickets."></parley-state>`
            : html`<parley-state heading=${copy.empty[0]} message=${copy.empty[1]}></parley-state>`;
    return html`<section class="card" aria-label=${copy.label}><div class="head"><p class="muted">${copy.intro}${filtering && others ? html` <span class="others">${others} more open outside your teams.</span>` : nothing}</p>
      ${mine.size ? html`<label><input type="checkbox" .checked=${this.mineFirst} @change=${(e: Event) => (this.mineFirst = (e.target as HTMLInputElement).checked)} />My teams first</label>` : nothing}</div>${body}</section>`;
  }
}
customElements.define('parley-queue', ParleyQueue);
declare global {
  interface HTMLElementTagNameMap { 'parley-queue': ParleyQueue }
}
