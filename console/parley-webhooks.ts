import { LitElement, css, html, nothing } from 'lit';
import { WEBHOOK_EVENTS, type WebhookEndpoint, type WebhookEndpointWithSecret, type WebhookEventType } from '../protocol/index.ts';
import { errorText, loadInto, submitInto, withItem } from './api.ts';
import { adminStyles } from './admin.styles.ts';
import { formatDateTime } from './format.ts';
import { integrationsApi } from './integrations-api.ts';
import { theme } from './theme.styles.ts';
import './parley-state.ts';
import './parley-webhook-deliveries.ts';

/**
 * Admin page: webhook endpoints. Create one with the events it wants (its signing secret is shown
 * then), see which are failing, pause, rotate the secret, delete, and open an endpoint's delivery log.
 */
export class ParleyWebhooks extends LitElement {
  static override styles = [theme, adminStyles, css`
    article { padding: 16px; display: grid; gap: 10px; border-bottom: 1px solid var(--p-border); }
    .title { display: flex; justify-content: space-between; gap: 8px; align-items: center; overflow-wrap: anywhere; }
    .events { display: grid; grid-template-columns: 1fr 1fr; gap: 4px 12px; font-size: 13px; }
    .events label { display: flex; gap: 6px; align-items: center; }
    .failing { color: var(--p-danger); font-weight: 600; }
    .actions { display: flex; gap: 6px; flex-wrap: wrap; }
  `];
  static override properties = {
    hooks: { state: true },
    loading: { state: true },
    error: { state: true },
    formError: { state: true },
    secret: { state: true },
    open: { state: true },
    busy: { state: true },
  };
  declare hooks: WebhookEndpoint[];
  declare loading: boolean;
  declare error: string;
  declare formError: string;
  /** The secret just shown (after creation or rotation), with its endpoint. */
  declare secret: { id: string; secret: string } | null;
  /** The endpoint whose delivery log is open. */
  declare open: string;
  declare busy: boolean;

  constructor() {
    super();
    this.hooks = [];
    this.loading = true;
    this.error = '';
    this.formError = '';
    this.secret = null;
    this.open = '';
    this.busy = false;
  }

  override connectedCallback() {
    super.connectedCallback();
    void this.load();
  }

  load() {
    return loadInto(this, () => integrationsApi.webhooks(), (v) => (this.hooks = v));
  }

  private replace(hook: WebhookEndpoint) {
    this.hooks = withItem(this.hooks, hook);
  }

  private async create(e: SubmitEvent) {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const d = new FormData(form);
    const url = String(d.get('url') ?? '').trim();
    const events = d.getAll('event').map(String) as WebhookEventType[];
    if (!/^https?:\/\/\S+$/.test(url)) return void (this.formError = 'Give the URL that receives the events, e.g. https://crm.example.com/parley');
    if (!events.length) return void (this.formError = 'Pick at least one event.');
    const saved = await submitInto(this, () => integrationsApi.createWebhook({ url, events }), (hook: WebhookEndpointWithSecret) => {
      this.replace(hook);
      this.secret = { id: hook.id, secret: hook.secret };
    });
    if (saved) form.reset();
  }

  private async act(work: () => Promise<void>) {
    try {
      await work();
    } catch (err) {
      this.error = errorText(err);
    }
  }

  private rotate(h: WebhookEndpoint) {
    if (!confirm('Rotate the signing secret? The old one keeps signing for 24 hours, beside the new one.')) return;
    void this.act(async () => {
      const hook = await integrationsApi.rotateWebhookSecret(h.id);
      this.replace(hook);
      this.secret = { id: hook.id, secret: hook.secret };
    });
  }

  private deleteHook(h: WebhookEndpoint) {
    if (!confirm(`Delete the webhook to ${h.url}? Its pending deliveries are dropped.`)) return;
    void this.act(async () => {
      await integrationsApi.deleteWebhook(h.id);
      this.hooks = this.hooks.filter((x) => x.id !== h.id);
    });
  }

  override render() {
    return html`<section class="card" aria-label="Webhooks">
        <div class="head"><h2>Webhooks</h2><span class="muted">${this.hooks.length} endpoints</span></div>
        ${this.error ? html`<div class="error" role="alert" style="margin:12px">${this.error}</div>` : nothing}
        ${this.loading ? html`<parley-state kind="loading" heading="Loading webhooks…"></parley-state>`
          : this.hooks.length ? this.hooks.map((h) => this.hook(h))
          : html`<parley-state heading="No webhooks" message="Register a URL to be told of new tickets, messages and ratings."></parley-state>`}
      </section>
      <form class="card" @submit=${this.create} aria-labelledby="new-hook" novalidate>
        <h2 id="new-hook">New webhook</h2>
        ${this.formError ? html`<div class="error" role="alert">${this.formError}</div>` : nothing}
        <label class="field">URL<input name="url" type="url" required placeholder="https://crm.example.com/parley" /></label>
        <fieldset class="field"><legend>Events</legend>
          <div class="events">${WEBHOOK_EVENTS.map((ev) => html`<label><input type="checkbox" name="event" value=${ev} />${ev}</label>`)}</div></fieldset>
        <button class="btn primary" type="submit" ?disabled=${this.busy}>Create webhook</button>
      </form>`;
  }

  private hook(h: WebhookEndpoint) {
    return html`<article data-hook=${h.id} aria-label=${h.url}>
      <div class="title"><h3><code>${h.url}</code></h3>
        ${h.failingSince ? html`<span class="failing" data-failing>Failing since ${formatDateTime(h.failingSince)}</span>`
          : h.active ? html`<span class="hint">active</span>` : html`<span class="hint">paused</span>`}</div>
      <div class="hint">${h.events.join(', ')}</div>
      ${this.secret?.id === h.id ? html`<div class="ok" role="status">Signing secret (shown now only): <pre data-secret>${this.secret.secret}</pre></div>` : nothing}
      <div class="actions">
        <button class="btn small" @click=${() => (this.open = this.open === h.id ? '' : h.id)}>${this.open === h.id ? 'Hide deliveries' : 'Deliveries'}</button>
        <button class="btn small" @click=${() => this.act(async () => this.replace(await integrationsApi.updateWebhook(h.id, { active: !h.active })))}>${h.active ? 'Pause' : 'Resume'}</button>
        <button class="btn small" @click=${() => this.rotate(h)}>Rotate secret</button>
        <button class="btn small danger" @click=${() => this.deleteHook(h)}>Delete</button>
      </div>
      ${this.open === h.id ? html`<parley-webhook-deliveries endpoint-id=${h.id}></parley-webhook-deliveries>` : nothing}
    </article>`;
  }
}
customElements.define('parley-webhooks', ParleyWebhooks);
declare global {
  interface HTMLElementTagNameMap { 'parley-webhooks': ParleyWebhooks }
}
