import { LitElement, css, html } from 'lit';
import type { Attachment } from '../protocol/index.ts';
import { theme } from './theme.styles.ts';

/**
 * An image at full size, over everything. A modal <dialog>: the page behind is inert, so focus stays
 * inside while it is open; Escape or the close button closes it, and focus goes back to whatever
 * opened it (the thumbnail). Keys pressed inside go no further (no console shortcut fires behind it).
 */
export class ParleyLightbox extends LitElement {
  static override styles = [theme, css`
    dialog { padding: 0; border: none; border-radius: 12px; background: #111318; color: #fff; max-width: calc(100vw - 48px); max-height: calc(100vh - 48px); overflow: hidden; }
    dialog::backdrop { background: rgb(10 12 18 / 78%); }
    .bar { display: flex; align-items: center; gap: 12px; padding: 8px 8px 8px 14px; }
    h2 { flex: 1; min-width: 0; margin: 0; font-size: 14px; font-weight: 600; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
    a, button { color: #fff; background: rgb(255 255 255 / 12%); border: 1px solid rgb(255 255 255 / 25%); border-radius: 8px; padding: 6px 12px; font: inherit; font-weight: 600; text-decoration: none; cursor: pointer; }
    a:focus-visible, button:focus-visible { outline: 2px solid #fff; outline-offset: 2px; }
    img { display: block; max-width: calc(100vw - 48px); max-height: calc(100vh - 48px - 52px); width: auto; height: auto; margin: 0 auto; object-fit: contain; }
  `];
  static override properties = { attachment: { state: true } };
  declare attachment: Attachment | null;
  private opener: HTMLElement | null = null;

  constructor() {
    super();
    this.attachment = null;
  }

  get open(): boolean {
    return Boolean(this.dialog?.open);
  }

  private get dialog() {
    return this.renderRoot.querySelector('dialog');
  }

  /** Shows `attachment`; `opener` gets focus back on close. */
  async show(attachment: Attachment, opener: HTMLElement | null) {
    this.attachment = attachment;
    this.opener = opener;
    await this.updateComplete;
    if (!this.dialog!.open) this.dialog!.showModal();
    this.renderRoot.querySelector<HTMLButtonElement>('button.close')!.focus();
  }

  close() {
    this.dialog?.close();
    this.closed();
  }

  /**
   * A modal dialog makes the page inert, but Tab past its last control still leaves for the browser's
   * own UI: wrap around instead, so focus stays inside.
   */
  private trap(e: KeyboardEvent) {
    // The console's shortcuts (a, n, r…) listen on the window: none acts behind the open lightbox.
    // (Escape still closes it: that is the dialog's own default action, not a listener.)
    e.stopPropagation();
    if (e.key !== 'Tab') return;
    const stops = [...this.renderRoot.querySelectorAll<HTMLElement>('dialog a[href], dialog button')];
    const at = stops.indexOf((this.renderRoot as ShadowRoot).activeElement as HTMLElement);
    const to = e.shiftKey ? (at <= 0 ? stops.length - 1 : at - 1) : (at + 1) % stops.length;
    e.preventDefault();
    stops[to]?.focus();
  }

  /** Whichever way it closed (Escape, the button), focus returns to the thumbnail. */
  private closed() {
    if (!this.opener && !this.attachment) return;
    this.attachment = null;
    this.opener?.focus();
    this.opener = null;
  }

  override render() {
    const a = this.attachment;
    return html`<dialog aria-label=${a ? `Image ${a.name}` : 'Image'} @close=${this.closed} @keydown=${this.trap}
        @click=${(e: Event) => e.target === e.currentTarget && this.close()}>
      ${a ? html`<div class="bar"><h2>${a.name}</h2>
          <a href=${a.url} download=${a.name}>Download</a>
          <button type="button" class="close" aria-label="Close" @click=${this.close}>Close</button></div>
        <img src=${a.url} alt=${a.name} width=${a.width ?? ''} height=${a.height ?? ''} />` : null}
    </dialog>`;
  }
}
customElements.define('parley-lightbox', ParleyLightbox);
declare global {
  interface HTMLElementTagNameMap { 'parley-lightbox': ParleyLightbox }
}
