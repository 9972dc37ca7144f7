import { LitElement, html, nothing } from 'lit';
import { Task, TaskStatus } from '@lit/task';
import type { CustomerDetails } from '../protocol/index.ts';
import { api, errorText } from './api.ts';
import { browserAndOs, localTime, safeLink } from './customer-facts.ts';
import { customerName, formatAge, formatDate, preview } from './format.ts';
import { href } from './route.ts';
import { theme } from './theme.styles.ts';
import { styles } from './parley-customer-panel.styles.ts';

/**
 * Who the customer is, beside the chat: name, email and verified badge from identify, the site's
 * attributes, the page the ticket was opened on, browser and OS, their local time, online or last
 * seen, and their other tickets (links). Staff only; loaded from `GET /api/customers/:id`.
 * @attr customer-id - the customer
 * @attr ticket-id - the ticket shown (its page is "Opened on"; it is left out of "Other tickets")
 * @prop now - the app's clock, for "last seen" and the local time
 */
export class ParleyCustomerPanel extends LitElement {
  static override styles = [theme, styles];
  static override properties = {
    customerId: { attribute: 'customer-id' },
    ticketId: { attribute: 'ticket-id' },
    now: { type: Number },
  };
  declare customerId: string;
  declare ticketId: string;
  declare now: number;
  private loader = new Task(this, {
    args: () => [this.customerId] as const,
    task: ([id]) => api.customer(id),
  });

  constructor() {
    super();
    this.customerId = '';
    this.ticketId = '';
    this.now = Date.now();
  }

  override render() {
    if (this.loader.status === TaskStatus.ERROR) return html`<p class="muted" role="status">Customer details unavailable: ${errorText(this.loader.error)}</p>`;
    const d = this.loader.value;
    if (!d || this.loader.status === TaskStatus.PENDING) return html`<p class="muted">Loading the customer…</p>`;
    return this.details(d);
  }

  private details({ customer: c, tickets }: CustomerDetails) {
    const ctx = c.context ?? {};
    const opened = tickets.find((t) => t.id === this.ticketId)?.openedOn;
    const openedUrl = safeLink(opened?.url);
    const nowUrl = safeLink(ctx.pageUrl);
    const others = tickets.filter((t) => t.id !== this.ticketId);
    const attributes = Object.entries(c.attributes);
    const device = browserAndOs(ctx.userAgent);
    const time = localTime(ctx.timeZone, this.now);
    return html`<section aria-labelledby="customer-name">
      <div class="who">
        <h2 id="customer-name">${customerName({ customer: c })}</h2>
        ${c.verified
          // The identity hash covers the site's id for the customer only, never the name or email.
          ? html`<span class="badge verified" title="The site's identity hash vouches for this customer's account id. Name and email are as the page sent them.">Verified ID</span>`
          : html`<span class="badge plain">Not verified</span>`}
      </div>
      <p class="presence ${c.online ? 'online' : ''}" data-online=${c.online}>${c.online ? 'Online now' : c.lastSeenAt ? `Last seen ${formatAge(c.lastSeenAt, this.now)}${formatAge(c.lastSeenAt, this.now) === 'just now' ? '' : ' ago'}` : 'Not seen yet'}</p>
      <dl>
        ${c.email ? html`<dt>Email</dt><dd><a href="mailto:${c.email}">${c.email}</a>${c.verified ? html` <span class="muted">(not verified)</span>` : nothing}</dd>` : nothing}
        ${openedUrl ? html`<dt>Opened on</dt><dd><a href=${openedUrl} target="_blank" rel="noopener noreferrer nofollow">${opened?.title || openedUrl}</a></dd>` : nothing}
        ${nowUrl && nowUrl !== openedUrl ? html`<dt>Now on</dt><dd><a href=${nowUrl} target="_blank" rel="noopener noreferrer nofollow">${ctx.pageTitle || nowUrl}</a></dd>` : nothing}
        ${device ? html`<dt>Browser</dt><dd>${device}</dd>` : nothing}
        ${time ? html`<dt>Local time</dt><dd>${time}</dd>` : nothing}
        ${ctx.locale ? html`<dt>Language</dt><dd>${ctx.locale}</dd>` : nothing}
        <dt>First seen</dt><dd>${formatDate(c.firstSeenAt)}</dd>
      </dl>
      ${attributes.length ? html`<div><h3>Attributes</h3><dl class="attributes">${attributes.map(([k, v]) => html`<dt>${k}</dt><dd>${String(v)}</dd>`)}</dl></div>` : nothing}
      <div>
        <h3>Other tickets</h3>
        ${others.length
          ? html`<ul class="tickets">${others.map((t) => html`<li><a href=${href({ name: 'ticket', id: t.id })}>
              <span class="badge status-${t.status}">${t.status}</span> <span class="what">${t.category}: ${preview(t.description, 50)}</span>
              <span class="muted when">${formatDate(t.createdAt)}</span></a></li>`)}</ul>`
          : html`<p class="muted">No other tickets you can see.</p>`}
      </div>
    </section>`;
  }
}
customElements.define('parley-customer-panel', ParleyCustomerPanel);
declare global {
  interface HTMLElementTagNameMap { 'parley-customer-panel': ParleyCustomerPanel }
}
