import { LitElement, html, nothing } from 'lit';
import type { Ticket } from '../protocol/index.ts';
import { emit } from './emit.ts';
import { fromControl, ShortcutController } from './shortcuts.ts';
import { customerName, formatAge, preview, unreadOf, urgencyRank } from './format.ts';
import { theme } from './theme.styles.ts';
import { styles } from './parley-ticket-table.styles.ts';

export type TableMode = 'open' | 'mine' | 'all';
type SortKey = 'urgency' | 'category' | 'customer' | 'age' | 'status' | 'unread';

const COMPARE: Record<SortKey, (a: Ticket, b: Ticket) => number> = {
  urgency: (a, b) => urgencyRank(a.urgency) - urgencyRank(b.urgency),
  category: (a, b) => a.category.localeCompare(b.category),
  customer: (a, b) => customerName(a).localeCompare(customerName(b)),
  // Ascending age = youngest first.
  age: (a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt),
  status: (a, b) => a.status.localeCompare(b.status),
  unread: (a, b) => unreadOf(a) - unreadOf(b),
};

/**
 * A sortable table of tickets. Urgency is shown as a coloured badge and a coloured edge on the row.
 * @prop tickets - the rows
 * @attr mode - "open" (accept/reject), "mine" (unread counts, open chat) or "all" (status, assignee)
 * @prop busy - ids of tickets with a request in flight (their buttons are disabled)
 * @prop fresh - ids to highlight briefly (just arrived)
 * A click anywhere on a row opens it; `j`/`k` move the selection, `Enter` opens it, `a` accepts it (open mode).
 * @fires parley-accept - detail: Ticket
 * @fires parley-reject - detail: Ticket
 * @fires parley-open - detail: Ticket
 */
export class ParleyTicketTable extends LitElement {
  static override styles = [theme, styles];
  static override properties = {
    tickets: { attribute: false },
    mode: { reflect: true },
    busy: { attribute: false },
    fresh: { attribute: false },
    now: { type: Number },
    sortKey: { attribute: 'sort-key' },
    sortDir: { attribute: 'sort-dir' },
    selected: { state: true },
  };
  declare tickets: Ticket[];
  declare mode: TableMode;
  declare busy: ReadonlySet<string>;
  declare fresh: ReadonlySet<string>;
  declare now: number;
  declare sortKey: SortKey;
  declare sortDir: 'ascending' | 'descending';
  /** Id of the row that j/k moved to, or '' before any. */
  declare selected: string;

  constructor() {
    super();
    this.tickets = [];
    this.mode = 'open';
    this.busy = new Set();
    this.fresh = new Set();
    this.now = Date.now();
    this.sortKey = 'urgency';
    this.sortDir = 'descending';
    this.selected = '';
    new ShortcutController(this, () => ({
      j: () => this.move(1),
      k: () => this.move(-1),
      Enter: (e) => !fromControl(e) && this.withSelected((t) => emit(this, 'parley-open', t)),
      a: () => this.mode === 'open' && this.withSelected((t) => !this.busy.has(t.id) && emit(this, 'parley-accept', t)),
    }));
  }

  /** Moves the selection by one row (the first key press selects the first row) and scrolls it into view. */
  private move(by: 1 | -1): boolean {
    const rows = this.sorted;
    if (!rows.length || !this.isConnected) return false;
    const at = rows.findIndex((t) => t.id === this.selected);
    const next = at < 0 ? 0 : Math.min(rows.length - 1, Math.max(0, at + by));
    this.selected = rows[next]!.id;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('tr.selected')?.focus());
    return true;
  }

  private withSelected(act: (t: Ticket) => unknown): boolean {
    const t = this.tickets.find((x) => x.id === this.selected);
    if (!t) return false;
    act(t);
    return true;
  }

  /** The whole row opens its ticket; its buttons keep their own job. */
  private rowClick(e: MouseEvent, t: Ticket) {
    if (fromControl(e)) return;
    this.selected = t.id;
    emit(this, 'parley-open', t);
  }

  /** The rows in display order (urgency ties broken by age, oldest first). */
  get sorted(): Ticket[] {
    const cmp = COMPARE[this.sortKey];
    const dir = this.sortDir === 'ascending' ? 1 : -1;
    return [...this.tickets].sort((a, b) => dir * cmp(a, b) || COMPARE.age(b, a));
  }

  private sortBy(key: SortKey) {
    if (this.sortKey === key) this.sortDir = this.sortDir === 'ascending' ? 'descending' : 'ascending';
    else {
      this.sortKey = key;
      this.sortDir = key === 'urgency' || key === 'unread' ? 'descending' : 'ascending';
    }
  }

  private header(key: SortKey, label: string, cls = '') {
    const sort = this.sortKey === key ? this.sortDir : 'none';
    const arrow = sort === 'ascending' ? '▲' : sort === 'descending' ? '▼' : '↕';
    return html`<th scope="col" class=${cls} aria-sort=${sort}><button @click=${() => this.sortBy(key)}>${label}<span class="arrow" aria-hidden="true">${arrow}</span></button></th>`;
  }

  private actions(t: Ticket) {
    const busy = this.busy.has(t.id);
    // The visible word starts the accessible name (WCAG 2.5.3), the rest says which row it acts on.
    const who = html`<span class="visually-hidden">${this.mode === 'mine' ? ' with' : ' ticket from'} ${customerName(t)}</span>`;
    if (this.mode === 'open') {
      return html`<div class="actions">
        <button class="btn small primary" ?disabled=${busy} @click=${() => emit(this, 'parley-accept', t)}>Accept${who}</button>
        <button class="btn small danger" ?disabled=${busy} @click=${() => emit(this, 'parley-reject', t)}>Reject${who}</button>
      </div>`;
    }
    return html`<div class="actions"><button class="btn small" @click=${() => emit(this, 'parley-open', t)}>${this.mode === 'mine' ? 'Open chat' : 'View'}${who}</button></div>`;
  }

  override render() {
    const all = this.mode === 'all';
    const mine = this.mode === 'mine';
    return html`<div class="wrap"><table>
      <thead><tr>
        ${this.header('urgency', 'Urgency')}
        ${this.header('category', 'Category')}
        ${this.header('customer', 'Customer')}
        <th scope="col" class="opt">Description</th>
        ${all ? this.header('status', 'Status') : nothing}
        ${all ? html`<th scope="col" class="opt">Assignee</th>` : nothing}
        ${mine ? this.header('unread', 'Unread') : nothing}
        ${this.header('age', 'Age')}
        <th scope="col"><span class="visually-hidden">Actions</span></th>
      </tr></thead>
      <tbody>
        ${this.sorted.map((t) => html`<tr class="${t.urgency} ${this.fresh.has(t.id) ? 'fresh' : ''} ${this.selected === t.id ? 'selected' : ''}" data-ticket=${t.id}
          tabindex="-1" @click=${(e: MouseEvent) => this.rowClick(e, t)}>
          <td><span class="badge urgency-${t.urgency}">${t.urgency}</span></td>
          <td>${t.category}</td>
          <td><div class="customer">${customerName(t)}</div><div class="desc-inline">${preview(t.description, 60)}</div></td>
          <td class="desc opt" title=${t.description}>${preview(t.description)}</td>
          ${all ? html`<td><span class="badge status-${t.status}">${t.status}</span></td>` : nothing}
          ${all ? html`<td class="opt">${t.assignee?.name ?? html`<span class="muted">—</span>`}</td>` : nothing}
          ${mine ? html`<td>${unreadOf(t) ? html`<span class="badge count" aria-label="${unreadOf(t)} unread">${unreadOf(t)}</span>` : html`<span class="muted">0</span>`}</td>` : nothing}
          <td class="age"><time datetime=${t.createdAt}>${formatAge(t.createdAt, this.now)}</time></td>
          <td class="actions-cell">${this.actions(t)}</td>
        </tr>`)}
      </tbody>
    </table></div>`;
  }
}
customElements.define('parley-ticket-table', ParleyTicketTable);
declare global {
  interface HTMLElementTagNameMap { 'parley-ticket-table': ParleyTicketTable }
}
