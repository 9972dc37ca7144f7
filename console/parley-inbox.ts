import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { attachmentPreview, TICKET_STATUSES, type ChatSummary, type TicketStatus, type User } from '../protocol/index.ts';
import { api, errorText } from './api.ts';
import { customerName, formatAge, preview } from './format.ts';
import { href } from './route.ts';
import { searchApi, type InboxQuery } from './search-api.ts';
import { theme } from './theme.styles.ts';
import './parley-state.ts';

const PAGE = 50;

/**
 * The admin's conversations inbox: every conversation with its last message, newest activity first,
 * filterable by status, label and member, a page at a time ("Show more" follows the server's cursor).
 * A row is a link to the conversation (the customer panel beside the chat). Each tick of the app's
 * clock reloads the first page, unless the admin has paged further (the rows would jump under them).
 * @prop now - the app's clock, for ages and reloads
 */
export class ParleyInbox extends LitElement {
  static override styles = [theme, css`
    :host { display: block; }
    .filters { display: grid; grid-template-columns: repeat(3, minmax(140px, 220px)) 1fr; gap: 10px; padding: 14px 16px; border-bottom: 1px solid var(--p-border); align-items: end; }
    .filters p { margin: 0; justify-self: end; }
    ol { list-style: none; margin: 0; padding: 0; }
    li + li { border-top: 1px solid var(--p-border); }
    a { display: grid; grid-template-columns: minmax(0, 1fr) auto; gap: 4px 12px; padding: 12px 16px; color: inherit; text-decoration: none; }
    a:hover { background: #f7f8fb; }
    a:focus-visible { outline: 2px solid var(--p-accent); outline-offset: -2px; }
    .meta { display: flex; gap: 8px; align-items: center; flex-wrap: wrap; }
    .who { font-weight: 650; }
    .last { grid-column: 1 / -1; color: var(--p-muted); overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
    .more { display: flex; justify-content: center; padding: 12px; border-top: 1px solid var(--p-border); }
    @media (max-width: 700px) { .filters { grid-template-columns: 1fr 1fr; } }
  `];
  static override properties = {
    now: { type: Number },
    chats: { state: true },
    cursor: { state: true },
    filter: { state: true },
    loading: { state: true },
    error: { state: true },
    labels: { state: true },
    members: { state: true },
  };
  declare now: number;
  declare chats: ChatSummary[];
  declare cursor: string | null;
  declare filter: Required<Pick<InboxQuery, 'status' | 'label' | 'assignee'>>;
  declare loading: boolean;
  declare error: string;
  declare labels: string[];
  declare members: User[];
  /** Answers to an older filter are dropped. */
  private generation = 0;
  /** Pages shown since the last reset. */
  private pages = 0;

  constructor() {
    super();
    this.now = Date.now();
    this.chats = [];
    this.cursor = null;
    this.filter = { status: '', label: '', assignee: '' };
    this.loading = true;
    this.error = '';
    this.labels = [];
    this.members = [];
  }

  override connectedCallback() {
    super.connectedCallback();
    void this.load(true);
    // The filter choices; the inbox works without them.
    api.labelsInUse().then((l) => (this.labels = l), () => {});
    api.users().then((u) => (this.members = u.filter((m) => m.active)), () => {});
  }

  private async load(reset: boolean) {
    const generation = reset ? ++this.generation : this.generation;
    this.loading = true;
    try {
      const page = await searchApi.inbox({ ...this.filter, cursor: reset ? null : this.cursor, limit: PAGE });
      if (generation !== this.generation) return;
      this.chats = reset ? page.chats : [...this.chats, ...page.chats];
      this.pages = reset ? 1 : this.pages + 1;
      this.cursor = page.nextCursor;
      this.error = '';
    } catch (e) {
      if (generation === this.generation) this.error = errorText(e);
    } finally {
      if (generation === this.generation) this.loading = false;
    }
  }

  protected override updated(changed: PropertyValues<this>) {
    if (changed.has('now') && changed.get('now') !== undefined && this.pages === 1 && !this.loading) void this.load(true);
  }

  private set(key: keyof ParleyInbox['filter'], e: Event) {
    this.filter = { ...this.filter, [key]: (e.target as HTMLSelectElement).value };
    void this.load(true);
  }

  private select(key: keyof ParleyInbox['filter'], label: string, options: [string, string][]) {
    return html`<label class="field">${label}<select .value=${this.filter[key]} @change=${(e: Event) => this.set(key, e)}>
      <option value="">Any</option>${options.map(([v, l]) => html`<option value=${v} ?selected=${this.filter[key] === v}>${l}</option>`)}</select></label>`;
  }

  private row({ ticket: t, lastMessage: m }: ChatSummary) {
    const at = m?.createdAt ?? t.createdAt;
    return html`<li><a href=${href({ name: 'ticket', id: t.id })} data-ticket=${t.id}>
      <span class="meta"><span class="who">${customerName(t)}</span><span class="badge status-${t.status}">${t.status}</span>
        <span class="muted">${t.category}${t.assignee ? ` · ${t.assignee.name}` : ''}</span>
        ${(t.labels ?? []).map((l) => html`<span class="badge plain">${l}</span>`)}</span>
      <time class="muted" datetime=${at}>${formatAge(at, this.now)}</time>
      <span class="last" dir="auto">${m ? `${m.author.name ?? m.author.kind}: ${preview(m.body || attachmentPreview((m.attachments ?? []).map((f) => f.name)), 140)}` : preview(t.description, 140)}</span>
    </a></li>`;
  }

  override render() {
    const people = [['none', 'Unassigned'], ...this.members.map((u) => [u.id, u.name])] as [string, string][];
    return html`<section class="card" aria-label="Conversations">
      <form class="filters" @submit=${(e: Event) => e.preventDefault()}>
        ${this.select('status', 'Status', TICKET_STATUSES.map((s) => [s, s]))}
        ${this.select('label', 'Label', this.labels.map((l) => [l, l]))}
        ${this.select('assignee', 'Member', people)}
        <p class="muted" role="status">${this.loading ? 'Loading…' : `${this.chats.length}${this.cursor ? '+' : ''} conversation${this.chats.length === 1 ? '' : 's'}`}</p>
      </form>
      ${this.error
        ? html`<parley-state kind="error" message=${this.error} @parley-retry=${() => this.load(!this.chats.length)}></parley-state>`
        : !this.chats.length
          ? this.loading ? html`<parley-state kind="loading" heading="Loading conversations…"></parley-state>` : html`<parley-state heading="No conversations match" message="Change or clear the filters."></parley-state>`
          : html`<ol aria-label="Conversations, newest first">${this.chats.map((c) => this.row(c))}</ol>
            ${this.cursor ? html`<div class="more"><button class="btn" ?disabled=${this.loading} @click=${() => this.load(false)}>Show more</button></div>` : nothing}`}
    </section>`;
  }
}
customElements.define('parley-inbox', ParleyInbox);
declare global {
  interface HTMLElementTagNameMap { 'parley-inbox': ParleyInbox }
}
