import { LitElement, css, html } from 'lit';
import { MEMBER_STATUSES, type MemberStatus } from '../protocol/index.ts';
import { emit } from './emit.ts';
import { theme } from './theme.styles.ts';

const WORD: Record<MemberStatus, string> = { online: 'Online', away: 'Away', offline: 'Offline' };

/**
 * The signed-in member's availability for routing, in the console header: online members get
 * tickets from auto-routed sites, away and offline ones do not.
 * @prop status - the current status
 * @prop busy - a change is being saved
 * @fires parley-status - detail: the chosen MemberStatus
 */
export class ParleyStatusPicker extends LitElement {
  static override styles = [theme, css`
    :host { display: inline-flex; align-items: center; gap: 6px; font-size: 13px; }
    .dot { width: 9px; height: 9px; border-radius: 50%; background: #9aa3b5; }
    .dot.online { background: #1f9d55; }
    .dot.away { background: #d99a06; }
    select { min-height: 30px; font: inherit; border: 1px solid var(--p-border, #d9dde7); border-radius: 6px; padding: 0 4px; }
  `];
  static override properties = { status: {}, busy: { type: Boolean } };
  declare status: MemberStatus;
  declare busy: boolean;

  constructor() {
    super();
    this.status = 'offline';
    this.busy = false;
  }

  private change(e: Event) {
    const next = (e.target as HTMLSelectElement).value as MemberStatus;
    if (next !== this.status) emit(this, 'parley-status', next);
  }

  override render() {
    return html`<span class="dot ${this.status}" aria-hidden="true"></span>
      <select aria-label="My availability" .value=${this.status} ?disabled=${this.busy} @change=${this.change}>
        ${MEMBER_STATUSES.map((s) => html`<option value=${s} ?selected=${s === this.status}>${WORD[s]}</option>`)}
      </select>`;
  }
}
customElements.define('parley-status-picker', ParleyStatusPicker);
declare global {
  interface HTMLElementTagNameMap { 'parley-status-picker': ParleyStatusPicker }
}
