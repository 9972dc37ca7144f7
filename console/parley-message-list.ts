import { LitElement, html, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { Attachment, Message } from '../protocol/index.ts';
import type { OutboxItem } from '../protocol/client/index.ts';
import { emit } from './emit.ts';
import { formatDay, formatTime } from './format.ts';
import { linkParts } from './linkify.ts';
import { timeline } from './timeline.ts';
import { theme } from './theme.styles.ts';
import { styles } from './parley-message-list.styles.ts';
import type { ParleyLightbox } from './parley-lightbox.ts';
import './parley-attachment.ts';
import './parley-lightbox.ts';
import './parley-state.ts';

/**
 * The conversation: stored messages in seq order, then the viewer's unsent ones with their state.
 * Text is rendered as text (Lit escapes it), so a customer cannot inject HTML; only http(s) addresses
 * become links. Each bubble sets dir="auto", so right-to-left text reads correctly beside left-to-right.
 * Runs of one author show the name and time once; a date line marks each new day; "Seen" shows once,
 * on the last staff message the customer has read. Internal notes (`internal`) show in their own
 * style, labelled "Internal note", so nobody mistakes one for something the customer saw.
 * A message's files show under its text (images as thumbnails that open in the lightbox).
 * @prop messages - stored messages and notes, in timeline order (timelineOrder)
 * @prop pending - the viewer's outbox items for this ticket (sending / failed)
 * @prop viewerId - the signed-in user's id (their messages sit on the right)
 * @prop readSeq - the customer's read position (read receipts)
 * @prop typing - name of whoever is typing now, or ''
 * @attr customer-name - how to label the customer's messages when they carry no name
 * @fires parley-retry-message - detail: clientId of a failed message
 */
export class ParleyMessageList extends LitElement {
  static override styles = [theme, styles];
  static override properties = {
    messages: { attribute: false },
    pending: { attribute: false },
    viewerId: { attribute: 'viewer-id' },
    readSeq: { type: Number, attribute: 'read-seq' },
    typing: {},
    customerName: { attribute: 'customer-name' },
  };
  declare messages: Message[];
  declare pending: OutboxItem[];
  declare viewerId: string;
  declare readSeq: number;
  declare typing: string;
  declare customerName: string;
  private stick = true;

  constructor() {
    super();
    this.messages = [];
    this.pending = [];
    this.viewerId = '';
    this.readSeq = 0;
    this.typing = '';
    this.customerName = 'Customer';
    this.addEventListener('parley-open-image', (e) => this.openImage(e as CustomEvent<{ attachment: Attachment; opener: HTMLElement }>));
    // Follow new messages only while the reader is already at the bottom.
    this.addEventListener('scroll', () => {
      this.stick = this.scrollTop + this.clientHeight >= this.scrollHeight - 40;
    });
  }

  protected override updated() {
    if (this.stick) this.scrollTop = this.scrollHeight;
  }

  private body(text: string) {
    return linkParts(text).map((p) => (typeof p === 'string' ? p : html`<a href=${p.href} target="_blank" rel="noopener noreferrer nofollow ugc">${p.text}</a>`));
  }

  /** The bubble (when there is text) and the files. */
  private content(body: string, files: readonly Attachment[] | undefined, title?: string) {
    return html`${body || !files?.length ? html`<div class="bubble" dir="auto" title=${title ?? nothing}>${this.body(body)}</div>` : nothing}
      ${files?.length ? html`<div class="files">${files.map((a) => html`<parley-attachment .attachment=${a}></parley-attachment>`)}</div>` : nothing}`;
  }

  private openImage(e: CustomEvent<{ attachment: Attachment; opener: HTMLElement }>) {
    void this.renderRoot.querySelector<ParleyLightbox>('parley-lightbox')?.show(e.detail.attachment, e.detail.opener);
  }

  private author(m: Message, mine: boolean): string {
    if (m.author.kind === 'integration') return `via ${m.author.name ?? 'API token'}`;
    return mine ? 'You' : m.author.name || (m.author.kind === 'customer' ? this.customerName : m.author.kind);
  }

  override render() {
    if (!this.messages.length && !this.pending.length) {
      return html`<parley-state heading="No messages yet" message="Say hello — the customer sees your message instantly."></parley-state>${this.typingLine()}`;
    }
    return html`<ol aria-label="Messages">
        ${repeat(timeline(this.messages, this.readSeq, this.viewerId), (i) => i.key, (i) => {
          if (i.kind === 'day') return html`<li class="day"><time datetime=${i.date}>${formatDay(i.date)}</time></li>`;
          const m = i.message;
          const mine = m.author.id === this.viewerId && m.author.kind !== 'customer';
          const side = m.author.kind === 'system' ? 'system' : m.internal ? 'note' : mine ? 'mine' : m.author.kind === 'customer' ? 'theirs' : 'theirs staff';
          return html`<li class="${side} ${i.first ? 'first' : 'cont'}" data-seq=${m.seq} data-internal=${m.internal ? 'true' : nothing}>
            ${side === 'system' || !i.first ? nothing : html`<div class="meta">${m.internal ? html`<span class="note-label">Internal note</span> · ` : nothing}${this.author(m, mine)} · <time datetime=${m.createdAt}>${formatTime(m.createdAt)}</time></div>`}
            ${this.content(m.body, m.attachments, i.first ? undefined : `${this.author(m, mine)} · ${formatTime(m.createdAt)}`)}
            ${i.receipt ? html`<div class="state" data-state=${i.receipt === 'seen' ? 'read' : 'sent'}>${i.receipt === 'seen' ? '✓✓ Seen' : '✓ Sent'}</div>` : nothing}
          </li>`;
        })}
        ${this.pending.map((p) => html`<li class="${p.internal ? 'note' : 'mine'} ${p.state}" data-client-id=${p.clientId}>
          ${this.content(p.body, p.attachments)}
          ${p.state === 'failed'
            ? html`<div class="state failed" data-state="failed" role="alert">Not sent${p.error ? `: ${p.error}` : ''}
                <button @click=${() => emit(this, 'parley-retry-message', p.clientId)}>Retry</button></div>`
            : html`<div class="state" data-state="sending">Sending…</div>`}
        </li>`)}
      </ol>${this.typingLine()}<parley-lightbox></parley-lightbox>`;
  }

  private typingLine() {
    return html`<div class="typing" aria-live="polite">${this.typing
      ? html`<span class="dots" aria-hidden="true"><span></span><span></span><span></span></span> ${this.typing} is typing…`
      : nothing}</div>`;
  }
}
customElements.define('parley-message-list', ParleyMessageList);
declare global {
  interface HTMLElementTagNameMap { 'parley-message-list': ParleyMessageList }
}
