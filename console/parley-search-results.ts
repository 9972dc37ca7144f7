import { LitElement, css, html, nothing } from 'lit';
import { Task, TaskStatus } from '@lit/task';
import { TICKET_STATUSES, type SearchResult, type TicketStatus } from '../protocol/index.ts';
import { errorText } from './api.ts';
import { customerName, formatAge } from './format.ts';
import { href } from './route.ts';
import { searchApi } from './search-api.ts';
import { theme } from './theme.styles.ts';
import './parley-snippet.ts';
import './parley-state.ts';

const MATCHED: Record<SearchResult['match'], string> = { id: 'Ticket id', email: 'Customer email', text: '' };

/**
 * The results of a search: each ticket with its status, customer and a snippet of the best-matching
 * text, the matched words marked. A result is a link to its conversation.
 * @attr q - the search text
 * @prop now - the app's clock, for ages
 */
export class ParleySearchResults extends LitElement {
  static override styles = [theme, css`
    :host { display: block; }
    .head { display: flex; gap: 12px; align-items: end; justify-content: space-between; padding: 14px 16px; border-bottom: 1px solid var(--p-border); flex-wrap: wrap; }
    .head p { margin: 0; }
    .head label { width: 160px; }
    ol { list-style: none; margin: 0; padding: 0; }
    li + li { border-top: 1px solid var(--p-border); }
    a { display: grid; gap: 6px; padding: 12px 16px; color: inherit; text-decoration: none; }
    a:hover { background: #f7f8fb; }
    a:focus-visible { outline: 2px solid var(--p-accent); outline-offset: -2px; }
    .meta { display: flex; gap: 8px; align-items: center; flex-wrap: wrap; font-size: 13px; }
    .who { font-weight: 650; }
    .note { background: var(--p-warn-soft); color: var(--p-warn); }
  `];
  static override properties = { q: {}, now: { type: Number }, status: { state: true } };
  declare q: string;
  declare now: number;
  declare status: TicketStatus | '';
  private results = new Task(this, {
    args: () => [this.q, this.status] as const,
    task: ([q, status]) => (q.trim() ? searchApi.search(q.trim(), { status, limit: 50 }) : Promise.resolve([])),
  });

  constructor() {
    super();
    this.q = '';
    this.now = Date.now();
    this.status = '';
  }

  private item(r: SearchResult) {
    const t = r.ticket;
    return html`<li><a href=${href({ name: 'ticket', id: t.id })} data-ticket=${t.id}>
      <span class="meta"><span class="who">${customerName(t)}</span><span class="badge status-${t.status}">${t.status}</span>
        <span class="muted">${t.category} · ${formatAge(t.createdAt, this.now)}${t.assignee ? ` · ${t.assignee.name}` : ''}</span>
        ${MATCHED[r.match] ? html`<span class="badge plain">${MATCHED[r.match]}</span>` : nothing}
        ${r.internal ? html`<span class="badge plain note">Internal note</span>` : nothing}</span>
      <parley-snippet .text=${r.snippet} .highlights=${r.highlights}></parley-snippet>
    </a></li>`;
  }

  private body() {
    if (this.results.status === TaskStatus.ERROR) return html`<parley-state kind="error" message=${errorText(this.results.error)} @parley-retry=${() => this.results.run()}></parley-state>`;
    const found = this.results.value;
    if (this.results.status !== TaskStatus.COMPLETE || !found) return html`<parley-state kind="loading" heading="Searching…"></parley-state>`;
    if (!found.length) return html`<parley-state heading="No tickets match" message="Try other words, a ticket id or a customer's email."></parley-state>`;
    return html`<ol aria-label="Search results">${found.map((r) => this.item(r))}</ol>`;
  }

  override render() {
    const found = this.results.status === TaskStatus.COMPLETE ? this.results.value : undefined;
    return html`<section class="card" aria-label="Search results">
      <div class="head">
        <p role="status">${found ? `${found.length === 50 ? 'The best 50' : found.length} result${found.length === 1 ? '' : 's'} for “${this.q}”` : ''}</p>
        <label class="field">Status<select .value=${this.status} @change=${(e: Event) => (this.status = (e.target as HTMLSelectElement).value as TicketStatus | '')}>
          <option value="">Any</option>${TICKET_STATUSES.map((s) => html`<option value=${s}>${s}</option>`)}</select></label>
      </div>
      ${this.body()}
    </section>`;
  }
}
customElements.define('parley-search-results', ParleySearchResults);
declare global {
  interface HTMLElementTagNameMap { 'parley-search-results': ParleySearchResults }
}
