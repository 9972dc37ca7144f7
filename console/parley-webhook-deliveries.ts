import { Task, TaskStatus } from '@lit/task';
import { LitElement, css, html, nothing } from 'lit';
import type { WebhookDelivery } from '../protocol/index.ts';
import { errorText } from './api.ts';
import { adminStyles } from './admin.styles.ts';
import { formatDateTime } from './format.ts';
import { integrationsApi } from './integrations-api.ts';
import { theme } from './theme.styles.ts';
import './parley-state.ts';

/**
 * The delivery log of one webhook endpoint (the last 100, newest first): state, attempts, time,
 * status, duration and the start of the answer, with "Redeliver" (same delivery id).
 * Attributes: `endpoint-id`.
 */
export class ParleyWebhookDeliveries extends LitElement {
  static override styles = [theme, adminStyles, css`
    :host { display: block; }
    .state-delivered { color: var(--p-ok); }
    .state-failed { color: var(--p-danger); font-weight: 600; }
    .snippet { max-width: 280px; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; font-size: 12px; }
  `];
  static override properties = {
    endpointId: { attribute: 'endpoint-id' },
    deliveries: { state: true },
    error: { state: true },
    asked: { state: true },
  };
  declare endpointId: string;
  declare deliveries: WebhookDelivery[];
  declare error: string;
  /** Bumped by Refresh: a new value reruns the loader for the same endpoint. */
  declare asked: number;
  /** The log of the endpoint shown, loaded again when it changes or on Refresh. */
  private loader = new Task(this, {
    args: () => [this.endpointId, this.asked] as const,
    task: ([id]) => (id ? integrationsApi.deliveries(id) : Promise.resolve([])),
    onComplete: (v) => ((this.loaded = true), (this.error = ''), (this.deliveries = v)),
    onError: (err) => ((this.loaded = true), (this.error = errorText(err))),
  });
  /** A refresh keeps the rows on screen; only the first load shows the loading state. */
  private loaded = false;

  constructor() {
    super();
    this.endpointId = '';
    this.deliveries = [];
    this.error = '';
    this.asked = 0;
  }

  private async redeliver(d: WebhookDelivery) {
    try {
      const again = await integrationsApi.redeliver(this.endpointId, d.id);
      this.deliveries = this.deliveries.map((x) => (x.id === d.id ? again : x));
    } catch (err) {
      this.error = errorText(err);
    }
  }

  override render() {
    if (!this.loaded && this.loader.status !== TaskStatus.ERROR) return html`<parley-state kind="loading" heading="Loading deliveries…"></parley-state>`;
    return html`${this.error ? html`<div class="error" role="alert">${this.error}</div>` : nothing}
      <div class="head"><h3>Deliveries</h3><button class="btn small" @click=${() => this.asked++}>Refresh</button></div>
      ${this.deliveries.length ? html`<table aria-label="Deliveries">
        <thead><tr><th>Event</th><th>State</th><th>Last try</th><th>Status</th><th>Time</th><th>Answer</th><th></th></tr></thead>
        <tbody>${this.deliveries.map((d) => html`<tr data-delivery=${d.id}>
          <td>${d.type}<div class="hint"><code>${d.id.slice(0, 8)}</code></div></td>
          <td class="state-${d.state}">${d.state}${d.attempts > 1 ? html` <span class="hint">(${d.attempts} tries)</span>` : nothing}
            ${d.state === 'pending' && d.nextAttemptAt ? html`<div class="hint">next ${formatDateTime(d.nextAttemptAt)}</div>` : nothing}</td>
          <td>${d.lastAttemptAt ? formatDateTime(d.lastAttemptAt) : '—'}</td>
          <td>${d.responseStatus ?? '—'}</td>
          <td>${d.durationMs === null ? '—' : `${d.durationMs} ms`}</td>
          <td class="snippet" title=${d.response ?? ''}>${d.response ?? ''}</td>
          <td class="row-actions"><button class="btn small" ?disabled=${d.state === 'pending'} @click=${() => this.redeliver(d)}>Redeliver</button></td>
        </tr>`)}</tbody></table>`
        : html`<parley-state heading="No deliveries yet" message="Events this endpoint subscribes to show up here."></parley-state>`}`;
  }
}
customElements.define('parley-webhook-deliveries', ParleyWebhookDeliveries);
declare global {
  interface HTMLElementTagNameMap { 'parley-webhook-deliveries': ParleyWebhookDeliveries }
}
