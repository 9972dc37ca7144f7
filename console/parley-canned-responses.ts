import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { CANNED_LIMITS, type CannedResponse, type CannedScope } from '../protocol/index.ts';
import { api, errorText, loadInto, submitInto, withItem } from './api.ts';
import { adminStyles } from './admin.styles.ts';
import { theme } from './theme.styles.ts';
import './parley-state.ts';

const COPY: Record<CannedScope, { title: string; intro: string }> = {
  team: { title: 'Team replies', intro: 'Everyone on the team can use these. Only admins change them.' },
  personal: { title: 'My replies', intro: 'Only you see these.' },
};

/**
 * Manages saved replies of one scope: the team's (an admin page) or the signed-in member's own.
 * Type `/` and the shortcut in a reply to use one; `{{customer.name}}`, `{{agent.name}}` and
 * `{{ticket.id}}` are filled in.
 * @attr scope - "team" or "personal"
 */
export class ParleyCannedResponses extends LitElement {
  static override styles = [theme, adminStyles, css`
    .body { white-space: pre-wrap; color: var(--p-muted); font-size: 13px; max-width: 460px; overflow-wrap: anywhere; }
    td code { font-weight: 600; }
  `];
  static override properties = {
    scope: { reflect: true },
    responses: { state: true },
    loading: { state: true },
    error: { state: true },
    formError: { state: true },
    editing: { state: true },
    busy: { state: true },
  };
  declare scope: CannedScope;
  declare responses: CannedResponse[];
  declare loading: boolean;
  declare error: string;
  declare formError: string;
  /** The response being edited in the form, or null when the form creates a new one. */
  declare editing: CannedResponse | null;
  declare busy: boolean;

  constructor() {
    super();
    this.scope = 'personal';
    this.responses = [];
    this.loading = true;
    this.error = '';
    this.formError = '';
    this.editing = null;
    this.busy = false;
  }

  override connectedCallback() {
    super.connectedCallback();
    void this.load();
  }

  protected override updated(changed: PropertyValues<this>) {
    if (changed.has('editing')) {
      const form = this.renderRoot.querySelector('form');
      if (!form) return;
      const e = this.editing;
      for (const name of ['shortcut', 'title', 'body'] as const) (form.elements.namedItem(name) as HTMLInputElement).value = e ? e[name] : '';
    }
  }

  load() {
    return loadInto(this, () => api.cannedResponses(), (v) => (this.responses = v.filter((r) => r.scope === this.scope)));
  }

  private async save(e: SubmitEvent) {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const d = new FormData(form);
    const input = { shortcut: String(d.get('shortcut')).trim().replace(/^\//, ''), title: String(d.get('title')).trim(), body: String(d.get('body')) };
    if (!input.shortcut || !input.title || !input.body.trim()) return void (this.formError = 'Give the reply a shortcut, a title and a text.');
    const editing = this.editing;
    const saved = await submitInto(this, () => (editing ? api.updateCanned(editing.id, input) : api.createCanned({ ...input, scope: this.scope })), (reply) => {
      this.responses = withItem(this.responses, reply, (a, b) => a.shortcut.localeCompare(b.shortcut));
      this.editing = null;
    });
    if (saved) form.reset();
  }

  private async deleteReply(r: CannedResponse) {
    if (!confirm(`Delete the reply /${r.shortcut}?`)) return;
    try {
      await api.deleteCanned(r.id);
      this.responses = this.responses.filter((x) => x.id !== r.id);
      if (this.editing?.id === r.id) this.editing = null;
    } catch (err) {
      this.error = errorText(err);
    }
  }

  override render() {
    const copy = COPY[this.scope];
    return html`<section class="card" aria-label=${copy.title}>
        <div class="head"><h2>${copy.title}</h2><span class="muted">${copy.intro}</span></div>
        ${this.error ? html`<div class="error" role="alert" style="margin:12px">${this.error}</div>` : nothing}
        ${this.loading ? html`<parley-state kind="loading" heading="Loading replies…"></parley-state>`
          : this.responses.length ? this.table()
          : html`<parley-state heading="No saved replies yet" message="Save an answer you give often; type / in a reply to use it."></parley-state>`}
      </section>
      <form class="card" @submit=${this.save} aria-labelledby="canned-form" novalidate>
        <h2 id="canned-form">${this.editing ? `Edit /${this.editing.shortcut}` : 'New reply'}</h2>
        ${this.formError ? html`<div class="error" role="alert">${this.formError}</div>` : nothing}
        <label class="field">Shortcut <span class="hint">Lowercase letters, digits, - or _; type /shortcut in a reply.</span>
          <input name="shortcut" required maxlength="32" pattern="[a-z0-9_-]+" placeholder="refund" autocomplete="off" /></label>
        <label class="field">Title<input name="title" required maxlength=${CANNED_LIMITS.title} placeholder="Refund policy" /></label>
        <label class="field">Text <span class="hint">Placeholders: {{customer.name}}, {{agent.name}}, {{ticket.id}}</span>
          <textarea name="body" rows="5" required maxlength=${CANNED_LIMITS.body} placeholder="Hi {{customer.name}}, …"></textarea></label>
        <div class="row-actions">
          ${this.editing ? html`<button class="btn" type="button" @click=${() => (this.editing = null)}>Cancel</button>` : nothing}
          <button class="btn primary" type="submit" ?disabled=${this.busy}>${this.editing ? 'Save changes' : 'Save reply'}</button>
        </div>
      </form>`;
  }

  private table() {
    return html`<table>
      <thead><tr><th scope="col">Shortcut</th><th scope="col">Reply</th><th scope="col"><span class="visually-hidden">Actions</span></th></tr></thead>
      <tbody>${this.responses.map((r) => html`<tr data-shortcut=${r.shortcut}>
        <td><code>/${r.shortcut}</code></td>
        <td><div>${r.title}</div><div class="body">${r.body}</div></td>
        <td><div class="row-actions">
          <button class="btn small" @click=${() => (this.editing = r)}>Edit<span class="visually-hidden"> /${r.shortcut}</span></button>
          <button class="btn small danger" @click=${() => this.deleteReply(r)}>Delete<span class="visually-hidden"> /${r.shortcut}</span></button>
        </div></td>
      </tr>`)}</tbody>
    </table>`;
  }
}
customElements.define('parley-canned-responses', ParleyCannedResponses);
declare global {
  interface HTMLElementTagNameMap { 'parley-canned-responses': ParleyCannedResponses }
}
