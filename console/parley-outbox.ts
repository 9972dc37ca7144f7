import { LitElement, css, html, nothing } from 'lit';
import type { OutboxList, OutboxMail } from '../protocol/index.ts';
import { loadInto } from './api.ts';
import { adminStyles } from './admin.styles.ts';
import { formatDateTime } from './format.ts';
import { integrationsApi } from './integrations-api.ts';
import { theme } from './theme.styles.ts';
import './parley-state.ts';

const KIND: Record<OutboxMail['kind'], string> = { new_ticket: 'New ticket (staff)', unread_reply: 'Unread reply', transcript: 'Transcript', customer_reply: 'Customer reply (staff)' };

/**
 * Admin page: the mail outbox, newest first: to whom, what, and whether it went out. Without SMTP
 * it names the folder of the .eml files, so a new installation sees what it would send. A row
 * opens to the mail's text.
 */
export class ParleyOutbox extends LitElement {
  static override styles = [theme, adminStyles, css`
    .state { display: inline-block; padding: 1px 6px; border-radius: 6px; font-size: 12px; background: #eef0f6; }
    .state.sent { background: #dcf5e3; }
    .state.failed { background: #fde2e1; }
    pre { white-space: pre-wrap; margin: 0; font-size: 13px; }
    details summary { cursor: pointer; }
  `];
  static override properties = {
    list: { state: true },
    loading: { state: true },
    error: { state: true },
  };
  declare list: OutboxList | null;
  declare loading: boolean;
  declare error: string;

  constructor() {
    super();
    this.list = null;
    this.loading = true;
    this.error = '';
  }

  override connectedCallback() {
    super.connectedCallback();
    void this.load();
  }

  load() {
    return loadInto(this, () => integrationsApi.outbox(), (v) => (this.list = v));
  }

  override render() {
    const mails = this.list?.mails ?? [];
    const delivery = this.list?.delivery;
    return html`<section class="card" aria-label="Outbox">
      <div class="head"><h2>Outbox</h2><span class="muted">${mails.length} mails</span>
        <button class="btn small" @click=${() => this.load()}>Refresh</button></div>
      ${delivery?.kind === 'files' ? html`<p class="hint" data-folder style="margin:0 12px">No SMTP relay is configured
        (<code>PARLEY_SMTP_URL</code>): each mail is written as an .eml file in <code>${delivery.folder}</code>.</p>` : nothing}
      ${this.error ? html`<div class="error" role="alert" style="margin:12px">${this.error}</div>` : nothing}
      ${this.loading && !this.list ? html`<parley-state kind="loading" heading="Loading the outbox…"></parley-state>`
        : mails.length ? this.table(mails)
        : html`<parley-state heading="No mail yet" message="Mail to customers (unread replies) and to members (new tickets) shows here."></parley-state>`}
    </section>`;
  }

  private table(mails: OutboxMail[]) {
    return html`<table>
      <thead><tr><th>To</th><th>Mail</th><th>State</th><th>Queued</th></tr></thead>
      <tbody>${mails.map((m) => html`<tr data-mail-id=${m.id}>
        <td>${m.to}<div class="hint">${KIND[m.kind] ?? m.kind} · ${m.locale}</div></td>
        <td><details><summary>${m.subject}</summary><pre>${m.text}</pre></details></td>
        <td><span class="state ${m.state}" data-state>${m.state}</span>
          ${m.state === 'pending' && m.attempts ? html`<div class="hint">try ${m.attempts + 1}${m.nextAttemptAt ? html` at ${formatDateTime(m.nextAttemptAt)}` : nothing}</div>` : nothing}
          ${m.lastError ? html`<div class="hint" data-error>${m.lastError}</div>` : nothing}</td>
        <td>${formatDateTime(m.createdAt)}${m.sentAt ? html`<div class="hint">sent ${formatDateTime(m.sentAt)}</div>` : nothing}</td>
      </tr>`)}</tbody></table>`;
  }
}
customElements.define('parley-outbox', ParleyOutbox);
declare global {
  interface HTMLElementTagNameMap { 'parley-outbox': ParleyOutbox }
}
