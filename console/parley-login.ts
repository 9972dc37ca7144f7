import { LitElement, html } from 'lit';
import type { User } from '../protocol/index.ts';
import { HttpError } from '../protocol/index.ts';
import { api, errorText } from './api.ts';
import { emit } from './emit.ts';
import { theme } from './theme.styles.ts';
import { styles } from './parley-login.styles.ts';

/**
 * The sign-in form for members and admins.
 * @fires parley-signed-in - detail: the signed-in `User`
 */
export class ParleyLogin extends LitElement {
  static override styles = [theme, styles];
  static override properties = {
    error: { state: true },
    busy: { state: true },
  };
  declare error: string;
  declare busy: boolean;

  constructor() {
    super();
    this.error = '';
    this.busy = false;
  }

  private async submit(e: SubmitEvent) {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const data = new FormData(form);
    const email = String(data.get('email') ?? '').trim();
    const password = String(data.get('password') ?? '');
    if (!email || !password) {
      this.error = 'Enter your email and password.';
      return;
    }
    this.busy = true;
    this.error = '';
    try {
      const user = await api.login(email, password);
      emit<User>(this, 'parley-signed-in', user);
    } catch (err) {
      this.error = err instanceof HttpError && err.status === 401 ? 'That email and password do not match an active account.' : errorText(err);
    } finally {
      this.busy = false;
    }
  }

  override render() {
    return html`<form class="card" @submit=${this.submit} novalidate aria-labelledby="title">
      <div class="brand"><span class="logo" aria-hidden="true">P</span><span>Parley</span></div>
      <div>
        <h1 id="title">Sign in to the console</h1>
        <p class="muted">For support members and admins.</p>
      </div>
      ${this.error ? html`<div class="error" role="alert">${this.error}</div>` : null}
      <label class="field">Email <input name="email" type="email" autocomplete="username" required autofocus /></label>
      <label class="field">Password <input name="password" type="password" autocomplete="current-password" required /></label>
      <button class="btn primary" type="submit" ?disabled=${this.busy}>${this.busy ? 'Signing in…' : 'Sign in'}</button>
    </form>`;
  }
}
customElements.define('parley-login', ParleyLogin);
declare global {
  interface HTMLElementTagNameMap { 'parley-login': ParleyLogin }
}
