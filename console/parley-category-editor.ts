import { LitElement, css, html, nothing } from 'lit';
import type { CategoryLabels } from '../protocol/index.ts';
import { emit } from './emit.ts';
import { categoryDraft, categoryLines, categorySettings, languageKey, type CategoryDraft } from './category-settings.ts';
import { adminStyles } from './admin.styles.ts';
import { theme } from './theme.styles.ts';

/**
 * A site's ticket categories (one per line) and their names in other languages, as a grid of one
 * row per category and one column per language; checked here before saving, and the server's
 * refusal shown the same way. The widget shows a customer the name in their browser's language.
 * @prop categories - the saved categories
 * @prop labels - the saved names per language (null: none)
 * @prop label - the site's name, for the fields' accessible names
 * @prop error - an error from saving, shown under the fields
 * @prop busy - a save is under way
 * @fires parley-categories - detail: `{categories, categoryLabels}` for the site's PATCH
 */
export class ParleyCategoryEditor extends LitElement {
  static override styles = [theme, adminStyles, css`
    :host { display: grid; gap: 8px; }
    table { border-collapse: collapse; font-size: 13px; }
    th, td { padding: 4px 6px; text-align: start; }
    td input { width: 100%; min-width: 110px; box-sizing: border-box; }
    .row { display: flex; gap: 8px; align-items: end; flex-wrap: wrap; }
    .lang { width: 90px; }
  `];
  static override properties = {
    categories: { attribute: false }, labels: { attribute: false }, label: {}, error: {}, busy: { type: Boolean },
    draft: { state: true }, invalid: { state: true },
  };
  declare categories: string[];
  declare labels: CategoryLabels | null;
  declare label: string;
  declare error: string;
  declare busy: boolean;
  declare draft: CategoryDraft;
  declare invalid: string;

  constructor() {
    super();
    this.categories = [];
    this.labels = null;
    this.label = '';
    this.error = '';
    this.busy = false;
    this.invalid = '';
    this.draft = categoryDraft([], null);
  }

  protected override willUpdate(changed: Map<string, unknown>) {
    // A save (or another admin's change, on reload) replaces the draft with what is stored.
    if (changed.has('categories') || changed.has('labels')) this.draft = categoryDraft(this.categories, this.labels);
  }

  private edit(next: Partial<CategoryDraft>) {
    this.draft = { ...this.draft, ...next };
    this.invalid = '';
  }

  private name(lang: string, category: string, value: string) {
    this.edit({ names: { ...this.draft.names, [lang]: { ...this.draft.names[lang], [category]: value } } });
  }

  private addLanguage() {
    const field = this.renderRoot.querySelector<HTMLInputElement>('input[name=lang]')!;
    const key = languageKey(field.value, this.draft.languages);
    if ('error' in key) return void (this.invalid = key.error);
    field.value = '';
    this.edit({ languages: [...this.draft.languages, key.lang] });
  }

  private removeLanguage(lang: string) {
    const { [lang]: _gone, ...names } = this.draft.names;
    this.edit({ languages: this.draft.languages.filter((l) => l !== lang), names });
  }

  private save() {
    const result = categorySettings(this.draft);
    if ('error' in result) return void (this.invalid = result.error);
    emit(this, 'parley-categories', result);
  }

  override render() {
    const { languages } = this.draft;
    const rows = categoryLines(this.draft.categories);
    const error = this.invalid || this.error;
    return html`
      <label class="field">Categories <span class="hint">One a line, as the ticket form offers them and tickets keep them</span>
        <textarea rows="3" aria-label="Categories of ${this.label}" .value=${this.draft.categories}
          @input=${(e: Event) => this.edit({ categories: (e.target as HTMLTextAreaElement).value })}></textarea></label>
      ${languages.length && rows.length ? html`<table aria-label="Category names by language of ${this.label}">
        <thead><tr><th scope="col">Category</th>${languages.map((l) => html`<th scope="col">${l}
          <button class="btn small" aria-label="Remove language ${l}" @click=${() => this.removeLanguage(l)}>×</button></th>`)}</tr></thead>
        <tbody>${rows.map((c) => html`<tr><th scope="row">${c}</th>${languages.map((l) => html`<td>
          <input dir="auto" aria-label="${c} in ${l}" .value=${this.draft.names[l]?.[c] ?? ''} placeholder=${c}
            @input=${(e: Event) => this.name(l, c, (e.target as HTMLInputElement).value)} /></td>`)}</tr>`)}</tbody>
      </table>` : nothing}
      <div class="row">
        <label class="field">Add a language <span class="hint">ar, de, pt…</span>
          <input class="lang" name="lang" aria-label="Language to name the categories in, for ${this.label}"
            @keydown=${(e: KeyboardEvent) => e.key === 'Enter' && this.addLanguage()} /></label>
        <button class="btn small" @click=${this.addLanguage}>Add language</button>
      </div>
      ${error ? html`<div class="error" role="alert">${error}</div>` : nothing}
      <div><button class="btn small" ?disabled=${this.busy} @click=${this.save}>Save categories</button></div>`;
  }
}
customElements.define('parley-category-editor', ParleyCategoryEditor);
declare global {
  interface HTMLElementTagNameMap { 'parley-category-editor': ParleyCategoryEditor }
}
