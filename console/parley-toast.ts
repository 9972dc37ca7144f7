import { LitElement, css, html } from 'lit';
import { theme } from './theme.styles.ts';

export type ToastKind = 'info' | 'success' | 'error';
interface Toast { id: number; text: string; kind: ToastKind }

/**
 * Short-lived messages in the bottom corner, announced to screen readers.
 * Call `show(text, kind)`; each toast disappears after a few seconds or when dismissed.
 */
export class ParleyToast extends LitElement {
  static override styles = [theme, css`
    /* Bottom left of the work area (past the sidebar): clear of the reply field, the Send button and row actions. */
    :host { position: fixed; left: 248px; bottom: 16px; z-index: 60; display: grid; gap: 8px; width: max-content; max-width: min(420px, calc(100vw - 32px)); }
    @media (max-width: 900px) { :host { left: 16px; } }
    .toast { display: flex; gap: 10px; align-items: start; padding: 10px 12px 10px 14px; border-radius: 10px; background: #1c2333; color: #fff; box-shadow: 0 8px 24px rgb(16 24 40 / 25%); }
    .toast.error { background: #8f1d27; }
    .toast.success { background: #0f5e47; }
    .toast span { flex: 1; padding-top: 4px; }
    button { all: unset; cursor: pointer; padding: 4px 6px; border-radius: 6px; }
    button:focus-visible { box-shadow: 0 0 0 2px #fff; }
  `];
  static override properties = { toasts: { state: true } };
  declare toasts: Toast[];
  private next = 0;

  constructor() {
    super();
    this.toasts = [];
  }

  show(text: string, kind: ToastKind = 'info', ms = 5000): void {
    const toast = { id: ++this.next, text, kind };
    // Three at most: older ones make way so the page underneath stays usable.
    this.toasts = [...this.toasts.slice(-2), toast];
    setTimeout(() => this.dismiss(toast.id), ms);
  }

  dismiss(id: number): void {
    this.toasts = this.toasts.filter((t) => t.id !== id);
  }

  override render() {
    return html`<div role="status" aria-live="polite" style="display:contents">
      ${this.toasts.map((t) => html`<div class="toast ${t.kind}" role=${t.kind === 'error' ? 'alert' : 'status'}>
        <span>${t.text}</span><button aria-label="Dismiss" @click=${() => this.dismiss(t.id)}>✕</button></div>`)}
    </div>`;
  }
}
customElements.define('parley-toast', ParleyToast);
declare global {
  interface HTMLElementTagNameMap { 'parley-toast': ParleyToast }
}
