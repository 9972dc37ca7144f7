import { LitElement, html, nothing } from 'lit';
import { LIMITS, ROUTING_LIMITS, type Role, type User } from '../protocol/index.ts';
import { api, errorText, loadInto } from './api.ts';
import { formatDate } from './format.ts';
import { adminStyles } from './admin.styles.ts';
import { theme } from './theme.styles.ts';
import './parley-state.ts';

/** A random initial password the admin hands over (the member changes it later). */
function generatePassword(): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => alphabet[b % alphabet.length]).join('');
}

/**
 * Admin page: the staff accounts, creating one, changing a role, deactivating (which ends their sessions).
 * @prop me - the signed-in admin (who cannot deactivate themselves)
 */
export class ParleyMembers extends LitElement {
  static override styles = [theme, adminStyles];
  static override properties = {
    me: { attribute: false },
    users: { state: true },
    loading: { state: true },
    error: { state: true },
    formError: { state: true },
    created: { state: true },
    busy: { state: true },
  };
  declare me: User | null;
  declare users: User[];
  declare loading: boolean;
  declare error: string;
  declare formError: string;
  declare created: string;
  declare busy: boolean;
  private suggested = generatePassword();

  constructor() {
    super();
    this.me = null;
    this.users = [];
    this.loading = true;
    this.error = '';
    this.formError = '';
    this.created = '';
    this.busy = false;
  }

  override connectedCallback() {
    super.connectedCallback();
    void this.load();
  }

  load() {
    return loadInto(this, () => api.users(), (v) => (this.users = v));
  }

  private async patch(user: User, patch: { active?: boolean; role?: Role; capacity?: number }) {
    this.busy = true;
    try {
      const updated = await api.updateUser(user.id, patch);
      this.users = this.users.map((u) => (u.id === user.id ? { ...u, ...updated } : u));
    } catch (e) {
      this.error = errorText(e);
    } finally {
      this.busy = false;
    }
  }

  /** Capacity: how many assigned tickets routing (and a transfer) gives this member at most. */
  private setCapacity(user: User, field: HTMLInputElement) {
    const capacity = Number(field.value);
    if (!Number.isInteger(capacity) || capacity < 0 || capacity > ROUTING_LIMITS.maxCapacity) {
      field.value = String(user.capacity);
      this.error = `Capacity is a whole number from 0 to ${ROUTING_LIMITS.maxCapacity}.`;
      return;
    }
    if (capacity !== user.capacity) void this.patch(user, { capacity });
  }

  private async create(e: SubmitEvent) {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const d = new FormData(form);
    const input = { name: String(d.get('name')).trim(), email: String(d.get('email')).trim(), password: String(d.get('password')), role: String(d.get('role')) as Role };
    if (!input.name || !input.email) return void (this.formError = 'Name and email are required.');
    if (input.password.length < LIMITS.password.min) return void (this.formError = `The password needs at least ${LIMITS.password.min} characters.`);
    this.busy = true;
    this.formError = '';
    try {
      const user = await api.createUser(input);
      this.users = [...this.users, user];
      this.created = `${user.name} can now sign in as ${user.email} with the password ${input.password}`;
      form.reset();
      this.suggested = generatePassword();
      form.querySelector<HTMLInputElement>('input[name=password]')!.value = this.suggested;
    } catch (err) {
      this.formError = errorText(err);
    } finally {
      this.busy = false;
    }
  }

  override render() {
    return html`<section class="card" aria-label="Staff accounts">
        <div class="head"><h2>Staff</h2><span class="muted">${this.users.filter((u) => u.active).length} active</span></div>
        ${this.error ? html`<div class="error" role="alert" style="margin:12px">${this.error}</div>` : nothing}
        ${this.loading ? html`<parley-state kind="loading" heading="Loading members…"></parley-state>` : this.table()}
      </section>
      <form class="card" @submit=${this.create} aria-labelledby="new-member" novalidate>
        <h2 id="new-member">Add a member</h2>
        ${this.formError ? html`<div class="error" role="alert">${this.formError}</div>` : nothing}
        ${this.created ? html`<div class="ok" role="status">${this.created}</div>` : nothing}
        <label class="field">Name<input name="name" required maxlength=${LIMITS.name} autocomplete="off" /></label>
        <label class="field">Email<input name="email" type="email" required maxlength=${LIMITS.email} autocomplete="off" /></label>
        <label class="field">Role<select name="role"><option value="member">Member</option><option value="admin">Admin</option></select></label>
        <label class="field">Initial password <span class="hint">At least ${LIMITS.password.min} characters; share it privately.</span>
          <input name="password" required minlength=${LIMITS.password.min} value=${this.suggested} autocomplete="new-password" /></label>
        <button class="btn primary" type="submit" ?disabled=${this.busy}>Create account</button>
      </form>`;
  }

  private table() {
    if (!this.users.length) return html`<parley-state heading="No staff yet" message="Create the first member with the form."></parley-state>`;
    return html`<table><thead><tr><th scope="col">Name</th><th scope="col">Role</th><th scope="col">Status</th><th scope="col">Capacity</th><th scope="col">Since</th><th scope="col"><span class="visually-hidden">Actions</span></th></tr></thead>
      <tbody>${this.users.map((u) => {
        const self = u.id === this.me?.id;
        return html`<tr data-user=${u.email}>
          <td><div><strong>${u.name}</strong>${self ? html` <span class="badge plain">you</span>` : nothing}</div><div class="muted">${u.email}</div></td>
          <td><select aria-label="Role of ${u.name}" .value=${u.role} ?disabled=${self || this.busy} @change=${(e: Event) => this.patch(u, { role: (e.target as HTMLSelectElement).value as Role })}>
            <option value="member">Member</option><option value="admin">Admin</option></select></td>
          <td><span class="badge ${u.active ? 'status-assigned' : 'status-closed'}">${u.active ? 'active' : 'deactivated'}</span></td>
          <td><input class="capacity" type="number" min="0" max=${ROUTING_LIMITS.maxCapacity} step="1" aria-label="Capacity of ${u.name} (assigned tickets at most)"
            .value=${String(u.capacity)} ?disabled=${this.busy} @change=${(e: Event) => this.setCapacity(u, e.target as HTMLInputElement)} /></td>
          <td class="muted">${formatDate(u.createdAt)}</td>
          <td><div class="row-actions">${self ? nothing : u.active
            ? html`<button class="btn small danger" ?disabled=${this.busy} @click=${() => this.patch(u, { active: false })} aria-label="Deactivate ${u.name}">Deactivate</button>`
            : html`<button class="btn small" ?disabled=${this.busy} @click=${() => this.patch(u, { active: true })} aria-label="Reactivate ${u.name}">Reactivate</button>`}</div></td>
        </tr>`;
      })}</tbody></table>`;
  }
}
customElements.define('parley-members', ParleyMembers);
declare global {
  interface HTMLElementTagNameMap { 'parley-members': ParleyMembers }
}
