import { LitElement, css, html, nothing } from 'lit';
import type { BusinessHours } from '../protocol/index.ts';
import { emit } from './emit.ts';
import { formatHours, parseHours } from './hours-text.ts';
import { adminStyles } from './admin.styles.ts';
import { theme } from './theme.styles.ts';

/**
 * A site's opening hours as three fields (time zone, weekly spans one per line, closed dates);
 * checked here before saving, and the server's refusal shown the same way.
 * @prop hours - the saved hours (null: none)
 * @prop label - the site's name, for the fields' accessible names
 * @prop error - an error from saving, shown under the fields
 * @prop busy - a save is under way
 * @fires parley-hours - detail: the new hours, or null to remove them
 */
export class ParleyHoursEditor extends LitElement {
  static override styles = [theme, adminStyles, css`
    :host { display: grid; gap: 8px; }
    .row { display: flex; gap: 8px; flex-wrap: wrap; }
    .row > label { flex: 1; min-width: 160px; }
  `];
  static override properties = {
    hours: { attribute: false }, label: {}, error: {}, busy: { type: Boolean }, invalid: { state: true },
  };
  declare hours: BusinessHours | null;
  declare label: string;
  declare error: string;
  declare busy: boolean;
  declare invalid: string;

  constructor() {
    super();
    this.hours = null;
    this.label = '';
    this.error = '';
    this.busy = false;
    this.invalid = '';
  }

  private field(name: string) {
    return this.renderRoot.querySelector<HTMLInputElement | HTMLTextAreaElement>(`[name=${name}]`)!.value;
  }

  private save() {
    const result = parseHours({ timeZone: this.field('timeZone'), weekly: this.field('weekly'), closedDates: this.field('closedDates') });
    if ('error' in result) return void (this.invalid = result.error);
    this.invalid = '';
    emit(this, 'parley-hours', result.hours);
  }

  override render() {
    const d = formatHours(this.hours);
    const error = this.invalid || this.error;
    return html`
      <div class="row">
        <label class="field">Time zone <span class="hint">IANA name; empty with no spans: no hours</span>
          <input name="timeZone" aria-label="Time zone of ${this.label}" .value=${d.timeZone} placeholder="Europe/Berlin" /></label>
        <label class="field">Open <span class="hint">One span a line: Mon-Fri 09:00-17:00</span>
          <textarea name="weekly" rows="3" aria-label="Opening hours of ${this.label}" .value=${d.weekly}></textarea></label>
        <label class="field">Closed dates <span class="hint">YYYY-MM-DD, one a line</span>
          <textarea name="closedDates" rows="3" aria-label="Closed dates of ${this.label}" .value=${d.closedDates}></textarea></label>
      </div>
      ${error ? html`<div class="error" role="alert">${error}</div>` : nothing}
      <div><button class="btn small" ?disabled=${this.busy} @click=${this.save}>Save hours</button></div>`;
  }
}
customElements.define('parley-hours-editor', ParleyHoursEditor);
declare global {
  interface HTMLElementTagNameMap { 'parley-hours-editor': ParleyHoursEditor }
}
