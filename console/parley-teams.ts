import { LitElement, css, html, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import { ROUTING_LIMITS, type Site, type Team, type User } from '../protocol/index.ts';
import { api, errorText, loadInto, submitInto, withItem } from './api.ts';
import { adminStyles } from './admin.styles.ts';
import { theme } from './theme.styles.ts';
import './parley-state.ts';

/**
 * Admin page: teams of members, and the categories routed to each (a category goes to one team at
 * most; a category with no team goes to anyone). One form creates a team or edits the chosen one.
 * Loads the teams, the staff and the sites (whose categories are offered) on connect.
 */
export class ParleyTeams extends LitElement {
  static override styles = [theme, adminStyles, css`
    fieldset { border: 1px solid var(--p-border); border-radius: 8px; padding: 8px 12px; display: grid; gap: 4px; }
    legend { font-weight: 600; font-size: 13px; padding: 0 4px; }
    fieldset label { display: flex; gap: 8px; align-items: center; font-weight: 400; }
    .chips { display: flex; flex-wrap: wrap; gap: 4px; }
  `];
  static override properties = {
    teams: { state: true },
    users: { state: true },
    categories: { state: true },
    editing: { state: true },
    loading: { state: true },
    error: { state: true },
    formError: { state: true },
    busy: { state: true },
  };
  declare teams: Team[];
  declare users: User[];
  declare categories: string[];
  /** The team the form edits; null: the form creates one. */
  declare editing: Team | null;
  declare loading: boolean;
  declare error: string;
  declare formError: string;
  declare busy: boolean;

  constructor() {
    super();
    Object.assign(this, { teams: [], users: [], categories: [], editing: null, loading: true, error: '', formError: '', busy: false });
  }

  override connectedCallback() {
    super.connectedCallback();
    void this.load();
  }

  load() {
    return loadInto(this, () => Promise.all([api.teams(), api.users(), api.sites()]), ([teams, users, sites]) => {
      this.teams = teams;
      this.users = users.filter((u) => u.active);
      this.categories = [...new Set((sites as Site[]).flatMap((s) => s.categories))].sort();
    });
  }

  private async save(e: SubmitEvent) {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const d = new FormData(form);
    const input = { name: String(d.get('name') ?? '').trim(), memberIds: d.getAll('member').map(String), categories: d.getAll('category').map(String) };
    if (!input.name) return void (this.formError = 'A team needs a name.');
    const editing = this.editing;
    const saved = await submitInto(this, () => (editing ? api.updateTeam(editing.id, input) : api.createTeam(input)), (team) => {
      this.teams = withItem(this.teams, team);
      this.editing = null;
    });
    if (saved) form.reset();
  }

  private async deleteTeam(team: Team) {
    this.busy = true;
    try {
      await api.deleteTeam(team.id);
      this.teams = this.teams.filter((t) => t.id !== team.id);
      if (this.editing?.id === team.id) this.editing = null;
    } catch (err) {
      this.error = errorText(err);
    } finally {
      this.busy = false;
    }
  }

  /** Which team a category goes to, if another one than the team being edited. */
  private ownerOf(category: string): Team | undefined {
    return this.teams.find((t) => t.id !== this.editing?.id && t.categories.includes(category));
  }

  override render() {
    const names = new Map(this.users.map((u) => [u.id, u.name]));
    return html`<section class="card" aria-label="Teams">
        <div class="head"><h2>Teams</h2><span class="muted">${this.teams.length} teams</span></div>
        ${this.error ? html`<div class="error" role="alert" style="margin:12px">${this.error}</div>` : nothing}
        ${this.loading ? html`<parley-state kind="loading" heading="Loading teams…"></parley-state>`
          : this.teams.length ? html`<table><thead><tr><th scope="col">Team</th><th scope="col">Members</th><th scope="col">Categories</th><th scope="col"><span class="visually-hidden">Actions</span></th></tr></thead>
            <tbody>${this.teams.map((t) => html`<tr data-team=${t.name}>
              <td><strong>${t.name}</strong></td>
              <td>${t.memberIds.map((id) => names.get(id) ?? 'former member').join(', ') || '—'}</td>
              <td><div class="chips">${t.categories.map((c) => html`<span class="badge plain">${c}</span>`)}</div></td>
              <td><div class="row-actions">
                <button class="btn small" ?disabled=${this.busy} @click=${() => (this.editing = t)} aria-label="Edit ${t.name}">Edit</button>
                <button class="btn small danger" ?disabled=${this.busy} @click=${() => this.deleteTeam(t)} aria-label="Delete ${t.name}">Delete</button></div></td>
            </tr>`)}</tbody></table>`
          : html`<parley-state heading="No teams yet" message="Without teams, auto routing gives every ticket to anyone available."></parley-state>`}
      </section>
      ${this.form()}`;
  }

  private form() {
    const t = this.editing;
    // live(): the fields show the edited team's values even after the admin changed them by hand.
    return html`<form class="card" @submit=${this.save} aria-labelledby="team-form" novalidate data-editing=${t?.id ?? ''}>
      <h2 id="team-form">${t ? `Edit ${t.name}` : 'New team'}</h2>
      ${this.formError ? html`<div class="error" role="alert">${this.formError}</div>` : nothing}
      <label class="field">Name<input name="name" required maxlength=${ROUTING_LIMITS.teamName} .value=${live(t?.name ?? '')} autocomplete="off" /></label>
      <fieldset><legend>Members</legend>
        ${this.users.map((u) => html`<label><input type="checkbox" name="member" value=${u.id} .checked=${live(t?.memberIds.includes(u.id) ?? false)} />${u.name}</label>`)}</fieldset>
      <fieldset><legend>Categories routed here</legend>
        ${this.categories.map((c) => {
          const owner = this.ownerOf(c);
          return html`<label><input type="checkbox" name="category" value=${c} .checked=${live(t?.categories.includes(c) ?? false)} ?disabled=${Boolean(owner)} />${c}${owner ? html` <span class="hint">(${owner.name})</span>` : nothing}</label>`;
        })}</fieldset>
      <div class="row-actions" style="justify-content:flex-start">
        <button class="btn primary" type="submit" ?disabled=${this.busy}>${t ? 'Save team' : 'Create team'}</button>
        ${t ? html`<button class="btn" type="button" @click=${() => (this.editing = null)}>Cancel</button>` : nothing}</div>
    </form>`;
  }
}
customElements.define('parley-teams', ParleyTeams);
declare global {
  interface HTMLElementTagNameMap { 'parley-teams': ParleyTeams }
}
