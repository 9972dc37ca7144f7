import { LitElement, html, nothing } from 'lit';
import type { Mention, MemberStatus, Ticket, User } from '../protocol/index.ts';
import { askDesktop, chime, desktopPermission, notifyDesktop, setSound, soundEnabled, type DesktopPermission } from './alerts.ts';
import { api, errorText } from './api.ts';
import { BoardController } from './board-controller.ts';
import { customerName } from './format.ts';
import { RealtimeController } from './realtime-controller.ts';
import { ADMIN_ROUTES, href, parseRoute, type Route } from './route.ts';
import { ShortcutController } from './shortcuts.ts';
import { showUnread } from './tab-badge.ts';
import type { ConsoleNotification } from './parley-notification-drawer.ts';
import type { ParleyToast, ToastKind } from './parley-toast.ts';
import { theme } from './theme.styles.ts';
import { styles } from './parley-app.styles.ts';
import './parley-admin-tickets.ts';
import './parley-canned-responses.ts';
import './parley-chat-view.ts';
import './parley-login.ts';
import './parley-members.ts';
import './parley-monitoring.ts';
import './parley-nav.ts';
import './parley-notification-drawer.ts';
import './parley-reject-dialog.ts';
import './parley-shortcuts-dialog.ts';
import './parley-sites.ts';
import './parley-status-picker.ts';
import './parley-teams.ts';
import './parley-inbox.ts';
import './parley-search-box.ts';
import './parley-search-results.ts';
import type { ParleySearchBox } from './parley-search-box.ts';
import './parley-api-tokens.ts';
import './parley-webhooks.ts';
import './parley-outbox.ts';
import './parley-mail-optin.ts';
import type { MailOptin } from './parley-mail-optin.ts';
import './parley-state.ts';
import './parley-queue.ts';
import './parley-toast.ts';

const TITLES: Record<Route['name'], string> = {
  open: 'Open tickets', mine: 'My tickets', ticket: 'Conversation', all: 'All tickets',
  monitoring: 'Monitoring', members: 'Members', sites: 'Sites', teams: 'Teams', replies: 'My replies', 'team-replies': 'Team replies', tokens: 'API tokens', webhooks: 'Webhooks', outbox: 'Outbox',
  search: 'Search', inbox: 'Conversations',
};

/**
 * The console: signs staff in, keeps the socket, the open/mine lists and the notifications, and routes
 * (by hash) between the member views and the admin views.
 */
export class ParleyApp extends LitElement {
  static override styles = [theme, styles];
  static override properties = {
    user: { state: true },
    route: { state: true },
    notifications: { state: true },
    drawerOpen: { state: true },
    rejecting: { state: true },
    now: { state: true },
    sound: { state: true },
    desktop: { state: true },
    helpOpen: { state: true },
  };
  /** undefined while the session is being checked. */
  declare user: User | null | undefined;
  declare route: Route;
  declare notifications: ConsoleNotification[];
  declare drawerOpen: boolean;
  declare rejecting: Ticket | null;
  declare now: number;
  declare sound: boolean;
  declare desktop: DesktopPermission;
  /** The keyboard shortcuts dialog. */
  declare helpOpen: boolean;
  private realtime = new RealtimeController(this);
  private lists = new BoardController(this, this.realtime, {
    notify: (text, kind) => this.toast(text, kind),
    created: (ticket) => this.arrived(ticket),
    changed: (ticket) => (this.notifications = this.notifications.map((n) => (n.ticket.id === ticket.id ? { ...n, ticket } : n))),
    accepted: (ticket) => (location.hash = href({ name: 'ticket', id: ticket.id })),
    unauthorized: () => this.signedOut('Your session has ended. Please sign in again.'),
  });
  private clock: ReturnType<typeof setInterval> | undefined;
  private onHash = () => (this.route = parseRoute(location.hash));

  constructor() {
    super();
    this.user = undefined;
    this.route = parseRoute(location.hash);
    this.notifications = [];
    this.drawerOpen = false;
    this.rejecting = null;
    this.now = Date.now();
    this.sound = soundEnabled();
    this.desktop = desktopPermission();
    this.helpOpen = false;
    new ShortcutController(this, () => (this.user ? { '?': () => (this.helpOpen = true), '/': () => this.renderRoot.querySelector<ParleySearchBox>('parley-search-box')?.focusField() } : {}));
  }

  override connectedCallback() {
    super.connectedCallback();
    addEventListener('hashchange', this.onHash);
    this.clock = setInterval(() => (this.now = Date.now()), 30000);
    api.me().then((user) => (user ? this.signedIn(user) : (this.user = null)), (e) => {
      this.user = null;
      this.toast(errorText(e), 'error');
    });
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    removeEventListener('hashchange', this.onHash);
    clearInterval(this.clock);
  }

  private signedIn(user: User) {
    this.user = user;
    const socket = this.realtime.start();
    this.lists.start(user);
    // The server revoked the session (close code 4001: signed out elsewhere, deactivated, password changed).
    socket.onRevoked = () => this.user && this.signedOut('Your session has ended. Please sign in again.');
    socket.on('mention', (f) => void this.mentioned(f));
    // An open console puts an offline member online (unless they chose offline): show what the server now says.
    socket.on('ready', () => void api.me().then((me) => me && this.user && (this.user = me), () => {}));
    // A dropped socket may also mean the session ended: ask once per drop.
    socket.onState((state) => {
      if (state !== 'closed' || !this.user) return;
      void api.me().then((me) => {
        if (!me && this.user) this.signedOut('Your session has ended. Please sign in again.');
      }, () => {});
    });
  }

  private arrived(ticket: Ticket) {
    const title = `New ${ticket.urgency} ticket`;
    this.notifications = [{ id: ticket.id, title, ticket, at: Date.now(), read: false }, ...this.notifications].slice(0, 50);
    this.toast(`${title} from ${customerName(ticket)} · ${ticket.category}`, 'info');
    if (this.sound) chime();
    notifyDesktop(title, `${customerName(ticket)} · ${ticket.category}: ${ticket.description.slice(0, 120)}`, () => this.openTicket(ticket));
  }

  /** A colleague named me (`@name`) in a note: into the drawer and a toast, like a new ticket. */
  private async mentioned(m: Mention) {
    let ticket: Ticket;
    try {
      ticket = await api.ticket(m.ticketId);
    } catch {
      return; // gone or no longer mine to see
    }
    const title = `${m.by.name ?? 'A colleague'} mentioned you in a note`;
    this.notifications = [{ id: m.noteId, title, ticket, text: m.excerpt, at: Date.now(), read: false }, ...this.notifications].slice(0, 50);
    this.toast(`${title}: ${m.excerpt.slice(0, 80)}`, 'info');
    if (this.sound) chime();
    notifyDesktop(title, m.excerpt, () => this.openTicket(ticket));
  }

  private async signOut() {
    try {
      await api.logout();
    } catch {
      // The session is gone from this tab either way.
    }
    this.signedOut();
  }

  private signedOut(why?: string) {
    // Forget the user first, so the socket closing below is not taken for an ended session.
    Object.assign(this, { user: null, notifications: [], drawerOpen: false });
    this.lists.stop();
    this.realtime.stop();
    if (why) void this.updateComplete.then(() => this.toast(why, 'error'));
  }

  private toast(text: string, kind: ToastKind = 'info') {
    this.renderRoot.querySelector<ParleyToast>('parley-toast')?.show(text, kind);
  }

  /** Closing the drawer counts as having seen what it listed. */
  private closeDrawer() {
    this.drawerOpen = false;
    this.notifications = this.notifications.map((n) => ({ ...n, read: true }));
  }

  private openTicket(ticket: Ticket) {
    this.drawerOpen = false;
    this.notifications = this.notifications.map((n) => (n.ticket.id === ticket.id ? { ...n, read: true } : n));
    location.hash = href({ name: 'ticket', id: ticket.id });
  }

  protected override updated(changed: Map<string, unknown>) {
    // After moving to another page, keyboard and screen-reader users start at its heading.
    if (changed.has('route') && changed.get('route') !== undefined && this.route.name !== 'ticket') this.renderRoot.querySelector<HTMLElement>('.topbar h1')?.focus();
    // Unread = messages waiting in my tickets plus notifications not yet seen.
    const unread = this.user ? this.lists.unreadMine + this.notifications.filter((n) => !n.read).length : 0;
    showUnread(document, TITLES[this.route.name], unread);
  }

  /** The member's availability for routing (the header's status picker). */
  private async setStatus(status: MemberStatus) {
    try {
      this.user = await api.setStatus(status);
    } catch (e) {
      this.toast(errorText(e), 'error');
    }
  }

  /** The member's opt-in to new-ticket mail while nobody is online. */
  private async setMailOptin(optin: MailOptin) {
    try {
      this.user = await api.setMailOptin(optin);
    } catch (e) {
      this.toast(errorText(e), 'error');
    }
  }

  override render() {
    if (this.user === undefined) return html`<parley-state kind="loading" heading="Loading the console…"></parley-state>`;
    if (this.user === null) return html`<parley-login @parley-signed-in=${(e: CustomEvent<User>) => this.signedIn(e.detail)}></parley-login><parley-toast></parley-toast>`;
    const admin = this.user.role === 'admin';
    const unreadNotes = this.notifications.filter((n) => !n.read).length;
    const conn = this.realtime.state;
    const connLabel = conn === 'open' ? 'Live' : this.realtime.everOpen ? 'Reconnecting…' : 'Connecting…';
    return html`<div class="shell">
      <parley-nav .user=${this.user} .route=${this.route} .openCount=${this.lists.board.open.length} .unreadMine=${this.lists.unreadMine} @parley-sign-out=${() => this.signOut()}></parley-nav>
      <main>
        <div class="topbar">
          <h1 tabindex="-1">${TITLES[this.route.name]}</h1>
          <parley-search-box .value=${this.route.name === 'search' ? this.route.q : ''}
            @parley-search=${(e: CustomEvent<string>) => (location.hash = href({ name: 'search', q: e.detail }))}></parley-search-box>
          <parley-status-picker status=${this.user.status} @parley-status=${(e: CustomEvent<MemberStatus>) => this.setStatus(e.detail)}></parley-status-picker>
          <parley-mail-optin ?checked=${this.user.mailNewTickets ?? false} ?replies=${this.user.mailCustomerReplies ?? false} @parley-mail-optin=${(e: CustomEvent<MailOptin>) => this.setMailOptin(e.detail)}></parley-mail-optin>
          <span class="badge conn ${conn}" role="status">${connLabel}</span>
          <button class="btn bell" aria-label="Notifications, ${unreadNotes} unread" @click=${() => (this.drawerOpen = true)}>
            <svg width="18" height="18" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true"><path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9"/><path d="M10.3 21a1.94 1.94 0 0 0 3.4 0"/></svg>${unreadNotes ? html`<span class="badge count">${unreadNotes}</span>` : nothing}</button>
        </div>
        <div class="content ${this.route.name === 'ticket' ? 'flush' : ''}" tabindex=${this.route.name === 'ticket' ? nothing : '0'}
          @parley-accept=${(e: CustomEvent<Ticket>) => this.lists.accept(e.detail)}
          @parley-reject=${(e: CustomEvent<Ticket>) => (this.rejecting = e.detail)}
          @parley-open=${(e: CustomEvent<Ticket>) => this.openTicket(e.detail)}
          @parley-notify=${(e: CustomEvent<{ text: string; kind: ToastKind }>) => this.toast(e.detail.text, e.detail.kind)}>
          ${this.page(admin)}
        </div>
      </main>
    </div>
    <parley-notification-drawer ?open=${this.drawerOpen} .notifications=${this.notifications} ?sound=${this.sound} desktop=${this.desktop}
      @parley-toggle-sound=${() => (setSound(!this.sound), (this.sound = !this.sound))}
      @parley-enable-desktop=${async () => (this.desktop = await askDesktop())}
      @parley-close=${this.closeDrawer} @parley-open=${(e: CustomEvent<Ticket>) => this.openTicket(e.detail)}
      @parley-mark-read=${() => (this.notifications = this.notifications.map((n) => ({ ...n, read: true })))}></parley-notification-drawer>
    <parley-reject-dialog .ticket=${this.rejecting} @parley-cancel=${() => (this.rejecting = null)}
      @parley-confirm-reject=${(e: CustomEvent<{ ticket: Ticket; reason: string }>) => {
        this.rejecting = null;
        void this.lists.reject(e.detail.ticket, e.detail.reason);
      }}></parley-reject-dialog>
    <parley-shortcuts-dialog ?open=${this.helpOpen} @parley-close=${() => (this.helpOpen = false)}></parley-shortcuts-dialog>
    <parley-toast></parley-toast>`;
  }

  private page(admin: boolean) {
    const r = this.route;
    if (ADMIN_ROUTES.has(r.name) && !admin) return html`<parley-state kind="error" heading="Admins only" message="Ask an admin for access to this page."></parley-state>`;
    switch (r.name) {
      case 'ticket':
        return html`<parley-chat-view ticket-id=${r.id} .user=${this.user} .realtime=${this.realtime}
          @parley-back=${() => history.length > 1 ? history.back() : (location.hash = href({ name: 'open' }))}
          @parley-read=${(e: CustomEvent<{ ticketId: string; seq: number }>) => this.lists.read(e.detail.ticketId, e.detail.seq)}></parley-chat-view>`;
      case 'all': return html`<parley-admin-tickets .now=${this.now} .socket=${this.realtime.socket}></parley-admin-tickets>`;
      case 'search': return html`<parley-search-results q=${r.q} .now=${this.now}></parley-search-results>`;
      case 'inbox': return html`<parley-inbox .now=${this.now}></parley-inbox>`;
      case 'monitoring': return html`<parley-monitoring></parley-monitoring>`;
      case 'members': return html`<parley-members .me=${this.user}></parley-members>`;
      case 'sites': return html`<parley-sites></parley-sites>`;
      case 'teams': return html`<parley-teams></parley-teams>`;
      case 'tokens': return html`<parley-api-tokens></parley-api-tokens>`;
      case 'webhooks': return html`<parley-webhooks></parley-webhooks>`;
      case 'outbox': return html`<parley-outbox></parley-outbox>`;
      case 'replies': return html`<parley-canned-responses scope="personal"></parley-canned-responses>`;
      case 'team-replies': return html`<parley-canned-responses scope="team"></parley-canned-responses>`;
      default: {
        const mode = r.name === 'mine' ? 'mine' : 'open';
        const l = this.lists;
        return html`<parley-queue mode=${mode} user-id=${this.user?.id ?? ''} .tickets=${l.board[mode]} .busy=${l.busy} .fresh=${l.fresh} .now=${this.now}
          ?loaded=${l.loaded} error=${l.error} @parley-retry=${() => l.load()}></parley-queue>`;
      }
    }
  }
}
customElements.define('parley-app', ParleyApp);
declare global {
  interface HTMLElementTagNameMap { 'parley-app': ParleyApp }
}
