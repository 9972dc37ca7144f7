import { LitElement, css, html, nothing } from 'lit';
import { SCOPES, type ApiToken, type NewApiToken, type Scope } from '../protocol/index.ts';
import { errorText, loadInto, submitInto, withItem } from './api.ts';
import { adminStyles } from './admin.styles.ts';
import { formatDateTime } from './format.ts';
import { integrationsApi } from './integrations-api.ts';
import { theme } from './theme.styles.ts';
import './parley-state.ts';

/**
 * Admin page: API tokens for integrations. Creating one shows the token once (the server keeps only
 * its hash); the list shows each token's scopes and when it was last used, and revokes it.
 */
export class ParleyApiTokens extends LitElement {
  static override styles = [theme, adminStyles, css`
    .scopes { display: grid; grid-template-columns: 1fr 1fr; gap: 4px 12px; font-size: 13px; }
    .scopes label { display: flex; gap: 6px; align-items: center; }
    .created { display: grid; gap: 8px; }
    .tag { display: inline-block; padding: 1px 6px; margin: 1px; border-radius: 6px; background: #eef0f6; font-size: 12px; }
  `];
  static override properties = {
    tokens: { state: true },
    loading: { state: true },
    error: { state: true },
    formError: { state: true },
    created: { state: true },
    busy: { state: true },
  };
  declare tokens: ApiToken[];
  declare loading: boolean;
  declare error: string;
  declare formError: string;
  /** The token just created: its secret is shown until the page is left. */
  declare created: NewApiToken | null;
  declare busy: boolean;

  constructor() {
    super();
    this.tokens = [];
    this.loading = true;
    this.error = '';
    this.formError = '';
    this.created = null;
    this.busy = false;
  }

  override connectedCallback() {
    super.connectedCallback();
    void this.load();
  }

  load() {
    return loadInto(this, () => integrationsApi.tokens(), (v) => (this.tokens = v));
  }

  private async create(e: SubmitEvent) {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const d = new FormData(form);
    const name = String(d.get('name') ?? '').trim();
    const scopes = d.getAll('scope').map(String) as Scope[];
    if (!name) return void (this.formError = 'Name the token after what will use it, e.g. "CRM sync".');
    if (!scopes.length) return void (this.formError = 'Pick at least one scope.');
    const saved = await submitInto(this, () => integrationsApi.createToken({ name, scopes }), (token) => {
      this.created = token;
      this.tokens = withItem(this.tokens, token);
    });
    if (saved) form.reset();
  }

  private async revoke(t: ApiToken) {
    if (!confirm(`Revoke "${t.name}"? Anything using it stops working at once.`)) return;
    try {
      await integrationsApi.revokeToken(t.id);
      this.tokens = this.tokens.filter((x) => x.id !== t.id);
      if (this.created?.id === t.id) this.created = null;
    } catch (err) {
      this.error = errorText(err);
    }
  }

  override render() {
    return html`<section class="card" aria-label="API tokens">
        <div class="head"><h2>API tokens</h2><span class="muted">${this.tokens.length} active</span></div>
        ${this.error ? html`<div class="error" role="alert" style="margin:12px">${this.error}</div>` : nothing}
        ${this.created ? html`<div class="ok created" role="status" style="margin:12px">
            <strong>Copy the token for ${this.created.name} now: it is not shown again.</strong>
            <pre data-token>${this.created.token}</pre></div>` : nothing}
        ${this.loading ? html`<parley-state kind="loading" heading="Loading tokens…"></parley-state>`
          : this.tokens.length ? this.table()
          : html`<parley-state heading="No API tokens" message="Create one to let another system read or write tickets through the API."></parley-state>`}
      </section>
      <form class="card" @submit=${this.create} aria-labelledby="new-token" novalidate>
        <h2 id="new-token">New API token</h2>
        ${this.formError ? html`<div class="error" role="alert">${this.formError}</div>` : nothing}
        <label class="field">Name<input name="name" required placeholder="CRM sync" /></label>
        <fieldset class="field"><legend>Scopes <span class="hint">The token can do nothing else.</span></legend>
          <div class="scopes">${SCOPES.map((s) => html`<label><input type="checkbox" name="scope" value=${s} />${s}</label>`)}</div></fieldset>
        <button class="btn primary" type="submit" ?disabled=${this.busy}>Create token</button>
      </form>`;
  }

  private table() {
    return html`<table>
      <thead><tr><th>Name</th><th>Scopes</th><th>Last used</th><th></th></tr></thead>
      <tbody>${this.tokens.map((t) => html`<tr data-token-id=${t.id}>
        <td>${t.name}<div class="hint"><code>${t.hint}…</code> · created ${formatDateTime(t.createdAt)}</div></td>
        <td>${t.scopes.map((s) => html`<span class="tag">${s}</span>`)}</td>
        <td data-last-used>${t.lastUsedAt ? formatDateTime(t.lastUsedAt) : 'never'}</td>
        <td class="row-actions"><button class="btn small danger" @click=${() => this.revoke(t)}>Revoke</button></td>
      </tr>`)}</tbody></table>`;
  }
}
customElements.define('parley-api-tokens', ParleyApiTokens);
declare global {
  interface HTMLElementTagNameMap { 'parley-api-tokens': ParleyApiTokens }
}
