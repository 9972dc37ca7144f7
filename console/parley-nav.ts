import { LitElement, html, nothing } from 'lit';
import type { User } from '../protocol/index.ts';
import { emit } from './emit.ts';
import { href, type Route } from './route.ts';
import { theme } from './theme.styles.ts';
import { styles } from './parley-nav.styles.ts';

/**
 * The console's navigation: a sidebar on laptops; on tablets a top bar with the brand and the user on
 * one row and every link on the next (scrolling sideways rather than wrapping one link alone). Admin
 * links only for admins.
 * @prop user - the signed-in staff user
 * @prop route - the current route (its link is marked aria-current)
 * @prop openCount - open tickets waiting
 * @prop unreadMine - unread messages in my tickets
 * @fires parley-sign-out
 */
export class ParleyNav extends LitElement {
  static override styles = [theme, styles];
  static override properties = {
    user: { attribute: false },
    route: { attribute: false },
    openCount: { type: Number },
    unreadMine: { type: Number },
  };
  declare user: User | null;
  declare route: Route;
  declare openCount: number;
  declare unreadMine: number;

  constructor() {
    super();
    this.user = null;
    this.route = { name: 'open' };
    this.openCount = 0;
    this.unreadMine = 0;
  }

  private link(route: Route, label: string, count = 0) {
    const current = this.route.name === route.name;
    return html`<a href=${href(route)} aria-current=${current ? 'page' : 'false'}>${label}${count ? html`<span class="badge count">${count}</span>` : nothing}</a>`;
  }

  override render() {
    const user = this.user;
    if (!user) return nothing;
    return html`<nav aria-label="Console">
      <div class="brand"><span class="logo" aria-hidden="true">P</span>Parley</div>
      <div class="links">
        <div class="group">Support</div>
        ${this.link({ name: 'open' }, 'Open tickets', this.openCount)}
        ${this.link({ name: 'mine' }, 'My tickets', this.unreadMine)}
        ${this.link({ name: 'replies' }, 'My replies')}
        ${user.role === 'admin' ? html`<div class="group">Admin</div>
          ${this.link({ name: 'all' }, 'All tickets')}${this.link({ name: 'inbox' }, 'Conversations')}${this.link({ name: 'monitoring' }, 'Monitoring')}
          ${this.link({ name: 'members' }, 'Members')}${this.link({ name: 'sites' }, 'Sites')}${this.link({ name: 'teams' }, 'Teams')}${this.link({ name: 'team-replies' }, 'Team replies')}
          ${this.link({ name: 'tokens' }, 'API tokens')}${this.link({ name: 'webhooks' }, 'Webhooks')}${this.link({ name: 'outbox' }, 'Outbox')}` : nothing}
      </div>
      <div class="spacer"></div>
      <div class="me"><div><div class="name">${user.name}</div><div class="role">${user.role}</div></div>
        <button class="btn small" @click=${() => emit(this, 'parley-sign-out')}>Sign out</button></div>
    </nav>`;
  }
}
customElements.define('parley-nav', ParleyNav);
declare global {
  interface HTMLElementTagNameMap { 'parley-nav': ParleyNav }
}
