import { LitElement, html } from 'lit';
import type { Ticket } from '../protocol/index.ts';
import { emit } from './emit.ts';
import { customerName, formatAge, preview } from './format.ts';
import { theme } from './theme.styles.ts';
import { styles } from './parley-notification-drawer.styles.ts';
import './parley-state.ts';

export interface ConsoleNotification {
  id: string;
  title: string;
  ticket: Ticket;
  /** What to show instead of the ticket's description (a mention's note excerpt). */
  text?: string;
  at: number;
  read: boolean;
}

/**
 * A drawer sliding in from the right with the newest notifications first. Escape or the scrim closes it.
 * @attr open - whether it is shown
 * @prop notifications - newest first
 * @fires parley-open - detail: Ticket (a notification was chosen)
 * @fires parley-mark-read - mark every notification read
 * @fires parley-close - the drawer asks to close
 * @prop sound - whether the new-ticket chime is on
 * @attr desktop - the desktop notification permission ("default", "granted", "denied" or "unsupported")
 * @fires parley-toggle-sound - flip the chime
 * @fires parley-enable-desktop - ask for desktop notifications
 */
export class ParleyNotificationDrawer extends LitElement {
  static override styles = [theme, styles];
  static override properties = {
    open: { type: Boolean, reflect: true },
    notifications: { attribute: false },
    sound: { type: Boolean },
    desktop: {},
  };
  declare open: boolean;
  declare notifications: ConsoleNotification[];
  declare sound: boolean;
  declare desktop: string;
  private returnFocus: Element | null = null;

  constructor() {
    super();
    this.open = false;
    this.notifications = [];
    this.sound = false;
    this.desktop = 'unsupported';
    this.addEventListener('keydown', (e) => {
      if (e.key === 'Escape' && this.open) emit(this, 'parley-close');
    });
  }

  protected override updated(changed: Map<string, unknown>) {
    if (!changed.has('open')) return;
    if (this.open) {
      this.returnFocus = document.activeElement;
      this.renderRoot.querySelector<HTMLElement>('.close')?.focus();
    } else if (changed.get('open') === true && this.returnFocus instanceof HTMLElement) {
      this.returnFocus.focus();
    }
  }

  override render() {
    const unread = this.notifications.filter((n) => !n.read).length;
    return html`<div class="scrim" @click=${() => emit(this, 'parley-close')}></div>
      <aside role="dialog" aria-modal="true" aria-label="Notifications" ?inert=${!this.open}>
        <header>
          <h2>Notifications</h2>
          <button class="btn small ghost" ?disabled=${!unread} @click=${() => emit(this, 'parley-mark-read')}>Mark all read</button>
          <button class="btn small close" @click=${() => emit(this, 'parley-close')} aria-label="Close notifications">✕</button>
        </header>
        <div class="prefs" role="group" aria-label="Alerts">
          <button class="btn small" aria-pressed=${this.sound ? 'true' : 'false'} @click=${() => emit(this, 'parley-toggle-sound')}>${this.sound ? 'Sound on' : 'Sound off'}</button>
          ${this.desktop === 'default' ? html`<button class="btn small" @click=${() => emit(this, 'parley-enable-desktop')}>Enable desktop alerts</button>`
            : this.desktop === 'granted' ? html`<span class="muted">Desktop alerts on</span>`
            : this.desktop === 'denied' ? html`<span class="muted">Desktop alerts blocked by the browser</span>` : null}
        </div>
        ${this.notifications.length
          ? html`<ul>${this.notifications.map((n) => html`<li class=${n.read ? '' : 'unread'}>
              <button @click=${() => emit(this, 'parley-open', n.ticket)}>
                <span class="line"><span class="title">${n.title}</span><span class="when">${formatAge(new Date(n.at).toISOString())}</span></span>
                <span class="line"><span class="text">${n.text === undefined ? `${customerName(n.ticket)} · ${n.ticket.category} · ${preview(n.ticket.description, 60)}` : preview(n.text, 80)}</span>
                ${n.ticket.status === 'open'
                  ? html`<span class="badge urgency-${n.ticket.urgency}">${n.ticket.urgency}</span>`
                  : html`<span class="badge status-${n.ticket.status}">${n.ticket.assignee ? `${n.ticket.status} · ${n.ticket.assignee.name}` : n.ticket.status}</span>`}</span>
              </button></li>`)}</ul>`
          : html`<parley-state heading="No notifications yet" message="New tickets and mentions in notes will show up here as they arrive."></parley-state>`}
      </aside>`;
  }
}
customElements.define('parley-notification-drawer', ParleyNotificationDrawer);
declare global {
  interface HTMLElementTagNameMap { 'parley-notification-drawer': ParleyNotificationDrawer }
}
