import { LitElement, css, html, nothing } from 'lit';
import { LABEL, MAX_LABELS, normalizeLabels } from '../protocol/index.ts';
import { emit } from './emit.ts';
import { theme } from './theme.styles.ts';

/**
 * A ticket's labels: each with a remove button, and a field that adds one (Enter or comma), with
 * the labels in use as suggestions (a native datalist). Checks each label by the protocol's rule.
 * @prop labels - the ticket's labels
 * @prop suggestions - labels in use elsewhere
 * @attr disabled - while a change is being saved
 * @fires parley-labels-change - detail: the new list of labels
 */
export class ParleyLabelEditor extends LitElement {
  static override styles = [theme, css`
    :host { display: block; }
    .chips { display: flex; flex-wrap: wrap; gap: 6px; margin: 6px 0 8px; padding: 0; list-style: none; }
    .chip { display: inline-flex; align-items: center; gap: 2px; padding: 1px 4px 1px 9px; border-radius: 999px; background: #f1eefe; color: #5b3fc4; font-weight: 600; font-size: 12.5px; }
    .chip button { all: unset; cursor: pointer; width: 18px; height: 18px; display: grid; place-items: center; border-radius: 50%; }
    .chip button:hover { background: rgb(91 63 196 / 12%); }
    .chip button:focus-visible { box-shadow: var(--p-focus); }
    form { display: flex; gap: 6px; }
    input { flex: 1; min-width: 0; }
    .error { color: var(--p-danger); font-size: 12.5px; margin-top: 4px; }
    h3 { margin: 0; }
  `];
  static override properties = {
    labels: { attribute: false },
    suggestions: { attribute: false },
    disabled: { type: Boolean },
    error: { state: true },
  };
  declare labels: string[];
  declare suggestions: string[];
  declare disabled: boolean;
  declare error: string;

  constructor() {
    super();
    this.labels = [];
    this.suggestions = [];
    this.disabled = false;
    this.error = '';
  }

  private change(next: string[]) {
    const checked = normalizeLabels(next);
    if (!checked.ok) return void (this.error = checked.message);
    this.error = '';
    emit(this, 'parley-labels-change', checked.labels);
  }

  private add(e: Event) {
    e.preventDefault();
    const field = this.renderRoot.querySelector('input')!;
    const words = field.value.split(/[\s,]+/).filter(Boolean);
    if (!words.length) return;
    const bad = words.find((w) => !LABEL.test(w));
    if (bad) return void (this.error = `"${bad.slice(0, 40)}" is not a label: use 1-32 letters, digits, - or _`);
    field.value = '';
    this.change([...this.labels, ...words]);
  }

  override render() {
    const offered = this.suggestions.filter((s) => !this.labels.some((l) => l.toLowerCase() === s.toLowerCase()));
    return html`<h3 id="labels-title">Labels</h3>
      ${this.labels.length ? html`<ul class="chips" aria-labelledby="labels-title">${this.labels.map((l) => html`<li class="chip">${l}
        <button ?disabled=${this.disabled} @click=${() => this.change(this.labels.filter((x) => x !== l))}><span aria-hidden="true">×</span><span class="visually-hidden">Remove label ${l}</span></button></li>`)}</ul>` : nothing}
      ${this.labels.length < MAX_LABELS ? html`<form @submit=${this.add}>
        <input aria-label="Add a label" placeholder="Add a label…" list="label-suggestions" maxlength="32" autocomplete="off" ?disabled=${this.disabled}
          @keydown=${(e: KeyboardEvent) => e.key === ',' && this.add(e)} />
        <datalist id="label-suggestions">${offered.map((s) => html`<option value=${s}></option>`)}</datalist>
        <button class="btn small" type="submit" ?disabled=${this.disabled}>Add</button>
      </form>` : html`<p class="muted">At most ${MAX_LABELS} labels.</p>`}
      ${this.error ? html`<div class="error" role="alert">${this.error}</div>` : nothing}`;
  }
}
customElements.define('parley-label-editor', ParleyLabelEditor);
declare global {
  interface HTMLElementTagNameMap { 'parley-label-editor': ParleyLabelEditor }
}
