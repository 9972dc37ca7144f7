import { LitElement, css, html, type PropertyValues } from 'lit';
import { Task, TaskStatus } from '@lit/task';
import { TICKET_EVENT_TYPES, TICKET_STATUSES, URGENCIES, type Ticket } from '../protocol/index.ts';
import type { RealtimeSocket } from '../protocol/client/index.ts';
import { api, errorText } from './api.ts';
import { matches, noFilter, type TicketFilter } from './ticket-filter.ts';
import { theme } from './theme.styles.ts';
import './parley-state.ts';
import './parley-ticket-table.ts';

/** The most the server lists at once; older tickets beyond it are left out (and the summary says so). */
const MAX_TICKETS = 500;

/**
 * Every ticket of every site, filterable by status, category, urgency, assignee and text.
 * Choosing one opens its conversation (read-only unless the admin is the assignee).
 * @prop now - the app's clock; each tick reloads the list
 * @prop socket - the app's socket; lifecycle events update rows live
 * @fires parley-open - detail: Ticket (from the table)
 */
export class ParleyAdminTickets extends LitElement {
  static override styles = [theme, css`
    :host { display: block; }
    .filters { display: grid; grid-template-columns: repeat(4, minmax(120px, 1fr)) minmax(180px, 2fr) auto; gap: 10px; padding: 14px 16px; border-bottom: 1px solid var(--p-border); align-items: end; }
    .summary { padding: 10px 16px; color: var(--p-muted); font-size: 13px; border-bottom: 1px solid var(--p-border); }
    @media (max-width: 1100px) { .filters { grid-template-columns: repeat(3, 1fr); } }
  `];
  static override properties = {
    now: { type: Number },
    socket: { attribute: false },
    tickets: { state: true },
    filter: { state: true },
  };
  declare now: number;
  declare socket: RealtimeSocket | null;
  declare tickets: Ticket[];
  declare filter: TicketFilter;
  /** (Re)loads the list on every tick of the app's clock; socket events keep it current in between. */
  private loader = new Task(this, {
    args: () => [this.now] as const,
    task: () => api.tickets({ limit: MAX_TICKETS }),
    onComplete: (tickets) => ((this.loaded = true), (this.tickets = tickets)),
  });
  /** A tick's reload keeps the rows on screen; only the first load shows the loading state. */
  private loaded = false;

  constructor() {
    super();
    this.now = Date.now();
    this.socket = null;
    this.tickets = [];
    this.filter = noFilter();
  }

  private offs: (() => void)[] = [];

  protected override updated(changed: PropertyValues<this>) {
    if (changed.has('socket')) this.listen();
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    this.offs.forEach((off) => off());
    this.offs = [];
  }

  override connectedCallback() {
    super.connectedCallback();
    if (!this.offs.length) this.listen();
  }

  /** New tickets and transitions show up without waiting for the next reload. */
  private listen() {
    this.offs.forEach((off) => off());
    const socket = this.socket;
    this.offs = socket ? TICKET_EVENT_TYPES.map((type) => socket.on(type, ({ ticket }) => {
      const known = this.tickets.some((t) => t.id === ticket.id);
      this.tickets = known ? this.tickets.map((t) => (t.id === ticket.id ? ticket : t)) : [ticket, ...this.tickets];
    })) : [];
  }

  private set(key: keyof TicketFilter, e: Event) {
    this.filter = { ...this.filter, [key]: (e.target as HTMLInputElement).value };
  }

  private select(key: keyof TicketFilter, label: string, options: [string, string][]) {
    return html`<label class="field">${label}<select @change=${(e: Event) => this.set(key, e)} .value=${this.filter[key]}>
      <option value="">Any</option>${options.map(([v, l]) => html`<option value=${v}>${l}</option>`)}</select></label>`;
  }

  override render() {
    const categories = [...new Set(this.tickets.map((t) => t.category))].sort();
    const assignees = new Map(this.tickets.flatMap((t) => (t.assignee ? [[t.assignee.id, t.assignee.name] as const] : [])));
    const shown = this.tickets.filter((t) => matches(t, this.filter));
    return html`<section class="card" aria-label="All tickets">
      <form class="filters" role="search" @submit=${(e: Event) => e.preventDefault()}>
        ${this.select('status', 'Status', TICKET_STATUSES.map((s) => [s, s]))}
        ${this.select('category', 'Category', categories.map((c) => [c, c]))}
        ${this.select('urgency', 'Urgency', URGENCIES.map((u) => [u, u]))}
        ${this.select('assignee', 'Assignee', [['none', 'Unassigned'], ...[...assignees].sort((a, b) => a[1].localeCompare(b[1]))])}
        <label class="field">Search<input type="search" placeholder="Description, customer, category…" .value=${this.filter.text} @input=${(e: Event) => this.set('text', e)} /></label>
        <button class="btn" type="reset" @click=${() => (this.filter = noFilter())}>Clear</button>
      </form>
      ${this.loader.status === TaskStatus.ERROR
        ? html`<parley-state kind="error" message=${errorText(this.loader.error)} @parley-retry=${() => this.loader.run()}></parley-state>`
        : !this.loaded
          ? html`<parley-state kind="loading" heading="Loading tickets…"></parley-state>`
          : html`<div class="summary" role="status">${shown.length} of ${this.tickets.length} tickets${this.tickets.length >= MAX_TICKETS ? ` (the newest ${MAX_TICKETS})` : ''}</div>
            ${shown.length
              ? html`<parley-ticket-table mode="all" sort-key="age" sort-dir="ascending" .tickets=${shown} .now=${this.now}></parley-ticket-table>`
              : html`<parley-state heading="No tickets match" message="Change or clear the filters."></parley-state>`}`}
    </section>`;
  }
}
customElements.define('parley-admin-tickets', ParleyAdminTickets);
declare global {
  interface HTMLElementTagNameMap { 'parley-admin-tickets': ParleyAdminTickets }
}
