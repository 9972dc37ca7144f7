import { LitElement, css, html, nothing } from 'lit';
import type { MemberLoad, Ticket } from '../protocol/index.ts';
import { emit } from './emit.ts';
import { theme } from './theme.styles.ts';

const STATUS_WORD: Record<MemberLoad['status'], string> = { online: 'online', away: 'away', offline: 'offline' };

/**
 * Hand a ticket on: a member picker with Transfer, and Release to the open queue.
 * @prop ticket - the assigned ticket
 * @prop members - the staff directory (GET /api/members); the assignee is left out, full members are shown but cannot be picked
 * @prop busy - a hand-over is in flight: the buttons are disabled
 * @fires parley-transfer - detail: the chosen member's id
 * @fires parley-release - the ticket goes back to the open queue
 */
export class ParleyTransfer extends LitElement {
  static override styles = [theme, css`
    :host { display: block; }
    .row { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; }
    select { min-height: 32px; max-width: 100%; font: inherit; border: 1px solid var(--p-border, #d9dde7); border-radius: 6px; padding: 0 6px; }
    label { font-size: 13px; font-weight: 600; display: block; margin-bottom: 4px; }
  `];
  static override properties = {
    ticket: { attribute: false },
    members: { attribute: false },
    busy: { type: Boolean },
    chosen: { state: true },
  };
  declare ticket: Ticket | null;
  declare members: MemberLoad[];
  declare busy: boolean;
  declare chosen: string;

  constructor() {
    super();
    this.ticket = null;
    this.members = [];
    this.busy = false;
    this.chosen = '';
  }

  private get candidates(): MemberLoad[] {
    return this.members.filter((m) => m.id !== this.ticket?.assignee?.id);
  }

  private transfer(e: Event) {
    e.preventDefault();
    const target = this.candidates.find((m) => m.id === this.chosen);
    if (!target || target.assigned >= target.capacity) return;
    emit(this, 'parley-transfer', target.id);
  }

  override render() {
    if (!this.ticket || this.ticket.status !== 'assigned') return nothing;
    const candidates = this.candidates;
    const picked = candidates.find((m) => m.id === this.chosen);
    return html`<form @submit=${this.transfer}>
      <label for="to">Transfer to</label>
      <div class="row">
        <select id="to" .value=${this.chosen} ?disabled=${this.busy} @change=${(e: Event) => (this.chosen = (e.target as HTMLSelectElement).value)}>
          <option value="">Choose a member…</option>
          ${candidates.map((m) => {
            const full = m.assigned >= m.capacity;
            return html`<option value=${m.id} ?disabled=${full}>${m.name} · ${STATUS_WORD[m.status]} · ${m.assigned}/${m.capacity}${full ? ' (full)' : ''}</option>`;
          })}
        </select>
        <button class="btn small primary" type="submit" ?disabled=${this.busy || !picked || picked.assigned >= picked.capacity}>Transfer</button>
        <button class="btn small" type="button" ?disabled=${this.busy} @click=${() => emit(this, 'parley-release')}>Release to queue</button>
      </div>
    </form>`;
  }
}
customElements.define('parley-transfer', ParleyTransfer);
declare global {
  interface HTMLElementTagNameMap { 'parley-transfer': ParleyTransfer }
}
