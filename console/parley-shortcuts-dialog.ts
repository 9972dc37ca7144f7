import { LitElement, css, html } from 'lit';
import { emit } from './emit.ts';
import { SHORTCUTS } from './shortcuts.ts';
import { theme } from './theme.styles.ts';

/**
 * Lists the keyboard shortcuts (a modal native <dialog>: focus trap and Escape for free).
 * @attr open - shows the dialog
 * @fires parley-close - the dialog was dismissed
 */
export class ParleyShortcutsDialog extends LitElement {
  static override styles = [theme, css`
    dialog { border: none; border-radius: 12px; padding: 22px; width: min(440px, 92vw); box-shadow: 0 20px 50px rgb(16 24 40 / 25%); }
    dialog::backdrop { background: rgb(15 20 35 / 35%); }
    dl { display: grid; grid-template-columns: auto 1fr; gap: 8px 16px; margin: 14px 0 18px; align-items: center; }
    dt { display: flex; gap: 4px; justify-content: flex-end; }
    dd { margin: 0; }
    kbd { font: 600 12px/1 ui-monospace, monospace; padding: 4px 7px; border: 1px solid var(--p-border); border-bottom-width: 2px; border-radius: 5px; background: #fafbfc; }
    .row { display: flex; justify-content: flex-end; }
  `];
  static override properties = { open: { type: Boolean, reflect: true } };
  declare open: boolean;

  constructor() {
    super();
    this.open = false;
  }

  protected override updated() {
    const d = this.renderRoot.querySelector('dialog')!;
    if (this.open && !d.open) d.showModal();
    else if (!this.open && d.open) d.close();
  }

  override render() {
    return html`<dialog aria-labelledby="shortcuts-title" @close=${() => this.open && emit(this, 'parley-close')}>
      <h2 id="shortcuts-title">Keyboard shortcuts</h2>
      <dl>${SHORTCUTS.map((s) => html`<dt>${s.keys.map((k) => html`<kbd>${k}</kbd>`)}</dt><dd>${s.does}</dd>`)}</dl>
      <p class="muted">Shortcuts do nothing while you type in a field.</p>
      <div class="row"><button class="btn" @click=${() => emit(this, 'parley-close')}>Close</button></div>
    </dialog>`;
  }
}
customElements.define('parley-shortcuts-dialog', ParleyShortcutsDialog);
declare global {
  interface HTMLElementTagNameMap { 'parley-shortcuts-dialog': ParleyShortcutsDialog }
}
