import { LitElement, css, html, nothing } from 'lit';
import type { AskEmail, BusinessHours, CategoryLabels, RoutingMode, Site } from '../protocol/index.ts';
import { api, errorText, loadInto, withItem } from './api.ts';
import { adminStyles } from './admin.styles.ts';
import { theme } from './theme.styles.ts';
import './parley-state.ts';
import './parley-hours-editor.ts';
import './parley-category-editor.ts';

/** One origin per line (or comma-separated); blanks dropped. */
export function parseOrigins(text: string): string[] {
  return text.split(/[\n,]/).map((s) => s.trim().replace(/\/$/, '')).filter(Boolean);
}

/**
 * Admin page: the sites that embed the widget — create one, edit its allowed origins, copy its
 * embed snippet, rotate its identity secret, set its ticket categories (and their names in other
 * languages) and its opening hours.
 */
export class ParleySites extends LitElement {
  static override styles = [theme, adminStyles, css`
    .sites { display: grid; gap: 0; }
    article { padding: 16px; display: grid; gap: 10px; border-bottom: 1px solid var(--p-border); }
    article:last-child { border-bottom: none; }
    .title { display: flex; justify-content: space-between; gap: 8px; align-items: center; }
    .kv { display: grid; grid-template-columns: 110px 1fr; gap: 6px 12px; align-items: center; font-size: 13px; }
    .kv dt { color: var(--p-muted); }
    .kv dd { margin: 0; overflow-wrap: anywhere; }
    .inline { display: flex; gap: 8px; align-items: start; }
    .inline textarea { flex: 1; }
  `];
  static override properties = {
    sites: { state: true },
    loading: { state: true },
    error: { state: true },
    formError: { state: true },
    revealed: { state: true },
    copied: { state: true },
    busy: { state: true },
    hoursError: { state: true },
    categoriesError: { state: true },
  };
  declare sites: Site[];
  declare loading: boolean;
  declare error: string;
  declare formError: string;
  declare revealed: ReadonlySet<string>;
  declare copied: string;
  declare busy: boolean;
  /** The server's refusal of a site's hours, shown in that site's editor. */
  declare hoursError: { id: string; text: string } | null;
  /** The server's refusal of a site's categories, shown in that site's editor. */
  declare categoriesError: { id: string; text: string } | null;

  constructor() {
    super();
    this.sites = [];
    this.loading = true;
    this.error = '';
    this.formError = '';
    this.revealed = new Set();
    this.copied = '';
    this.busy = false;
    this.hoursError = null;
    this.categoriesError = null;
  }

  override connectedCallback() {
    super.connectedCallback();
    void this.load();
  }

  load() {
    return loadInto(this, () => api.sites(), (v) => (this.sites = v));
  }

  private async run(work: () => Promise<Site>, onError: (m: string) => void) {
    this.busy = true;
    try {
      this.sites = withItem(this.sites, await work());
      return true;
    } catch (e) {
      onError(errorText(e));
      return false;
    } finally {
      this.busy = false;
    }
  }

  private async create(e: SubmitEvent) {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const d = new FormData(form);
    const name = String(d.get('name')).trim();
    const origins = parseOrigins(String(d.get('origins')));
    if (!name) return void (this.formError = 'Give the site a name.');
    if (!origins.length) return void (this.formError = 'Add at least one allowed origin, e.g. https://shop.example.com');
    this.formError = '';
    if (await this.run(() => api.createSite({ name, origins }), (m) => (this.formError = m))) form.reset();
  }

  private saveOrigins(site: Site, e: Event) {
    const text = (e.target as HTMLElement).closest('.inline')!.querySelector('textarea')!.value;
    void this.run(() => api.updateSite(site.id, { origins: parseOrigins(text) }), (m) => (this.error = m));
  }

  private rotate(site: Site) {
    if (!confirm(`Rotate the secret of ${site.name}? Identity hashes signed with the old secret stop working at once.`)) return;
    void this.run(() => api.rotateSecret(site.id), (m) => (this.error = m)).then((ok) => {
      if (ok) this.revealed = new Set([...this.revealed, site.id]);
    });
  }

  private setRouting(site: Site, routing: RoutingMode) {
    return this.run(() => api.updateSite(site.id, { routing }), (m) => (this.error = m));
  }

  private setMail(site: Site, patch: { askEmail?: AskEmail; transcripts?: boolean }) {
    return this.run(() => api.updateSite(site.id, patch), (m) => (this.error = m));
  }

  private async setHours(site: Site, hours: BusinessHours | null) {
    if (await this.run(() => api.updateSite(site.id, { hours }), (text) => (this.hoursError = { id: site.id, text }))) this.hoursError = null;
  }

  private async setCategories(site: Site, patch: { categories: string[]; categoryLabels: CategoryLabels | null }) {
    if (await this.run(() => api.updateSite(site.id, patch), (text) => (this.categoriesError = { id: site.id, text }))) this.categoriesError = null;
  }

  private async copy(site: Site) {
    try {
      await navigator.clipboard.writeText(site.snippet);
      this.copied = site.id;
      setTimeout(() => (this.copied = ''), 2000);
    } catch {
      this.error = 'Copying is blocked here; select the snippet and copy it by hand.';
    }
  }

  override render() {
    return html`<section class="card" aria-label="Sites">
        <div class="head"><h2>Sites</h2><span class="muted">${this.sites.length} registered</span></div>
        ${this.error ? html`<div class="error" role="alert" style="margin:12px">${this.error}</div>` : nothing}
        ${this.loading ? html`<parley-state kind="loading" heading="Loading sites…"></parley-state>`
          : this.sites.length ? html`<div class="sites">${this.sites.map((s) => this.site(s))}</div>`
          : html`<parley-state heading="No sites yet" message="Register the website that will embed the widget."></parley-state>`}
      </section>
      <form class="card" @submit=${this.create} aria-labelledby="new-site" novalidate>
        <h2 id="new-site">New site</h2>
        ${this.formError ? html`<div class="error" role="alert">${this.formError}</div>` : nothing}
        <label class="field">Name<input name="name" required placeholder="Acme shop" /></label>
        <label class="field">Allowed origins <span class="hint">One per line. Only pages from these origins may open the widget.</span>
          <textarea name="origins" rows="3" placeholder="https://shop.example.com"></textarea></label>
        <button class="btn primary" type="submit" ?disabled=${this.busy}>Create site</button>
      </form>`;
  }

  private site(s: Site) {
    const shown = this.revealed.has(s.id);
    return html`<article aria-label=${s.name} data-site=${s.key}>
      <div class="title"><h2>${s.name}</h2><code>${s.key}</code></div>
      <dl class="kv">
        <dt>Secret</dt><dd class="inline"><code>${shown ? s.secret : '••••••••••••••••'}</code>
          <button class="btn small" @click=${() => (this.revealed = shown ? new Set([...this.revealed].filter((id) => id !== s.id)) : new Set([...this.revealed, s.id]))}>${shown ? 'Hide' : 'Reveal'}</button>
          <button class="btn small danger" ?disabled=${this.busy} @click=${() => this.rotate(s)}>Rotate</button></dd>
        <dt>Routing</dt><dd><select aria-label="Routing of ${s.name}" .value=${s.routing} ?disabled=${this.busy}
          @change=${(e: Event) => this.setRouting(s, (e.target as HTMLSelectElement).value as RoutingMode)}>
          <option value="manual" ?selected=${s.routing === 'manual'}>Manual: members accept from the queue</option>
          <option value="auto" ?selected=${s.routing === 'auto'}>Auto: assign to an online member with room</option></select></dd>
        <dt>Email</dt><dd><select aria-label="Ticket form email of ${s.name}" .value=${s.askEmail ?? 'off'} ?disabled=${this.busy}
          @change=${(e: Event) => this.setMail(s, { askEmail: (e.target as HTMLSelectElement).value as AskEmail })}>
          <option value="off" ?selected=${(s.askEmail ?? 'off') === 'off'}>The ticket form asks for no email</option>
          <option value="optional" ?selected=${s.askEmail === 'optional'}>Optional: replies can be mailed</option>
          <option value="required" ?selected=${s.askEmail === 'required'}>Required: every ticket leaves an email</option></select>
          <label class="inline"><input type="checkbox" aria-label="Transcripts of ${s.name}" .checked=${s.transcripts ?? false} ?disabled=${this.busy}
            @change=${(e: Event) => this.setMail(s, { transcripts: (e.target as HTMLInputElement).checked })} />Mail every closed conversation to its customer</label></dd>
      </dl>
      <div class="field">Allowed origins
        <div class="inline"><textarea rows="2" aria-label="Allowed origins of ${s.name}" .value=${s.origins.join('\n')}></textarea>
          <button class="btn small" ?disabled=${this.busy} @click=${(e: Event) => this.saveOrigins(s, e)}>Save</button></div></div>
      <div class="field">Ticket categories <span class="hint">Customers see a category's name in their browser's language when you give one.</span>
        <parley-category-editor .categories=${s.categories} .labels=${s.categoryLabels ?? null} label=${s.name} ?busy=${this.busy}
          error=${this.categoriesError?.id === s.id ? this.categoriesError.text : ''}
          @parley-categories=${(e: CustomEvent<{ categories: string[]; categoryLabels: CategoryLabels | null }>) => this.setCategories(s, e.detail)}></parley-category-editor></div>
      <div class="field">Opening hours <span class="hint">Outside them the widget says when the team is back; monitoring counts business time only.</span>
        <parley-hours-editor .hours=${s.hours ?? null} label=${s.name} ?busy=${this.busy} error=${this.hoursError?.id === s.id ? this.hoursError.text : ''}
          @parley-hours=${(e: CustomEvent<BusinessHours | null>) => this.setHours(s, e.detail)}></parley-hours-editor></div>
      <div class="field">Embed snippet <span class="hint">Paste before &lt;/body&gt; on every page of the site.</span>
        <pre>${s.snippet}</pre>
        <div><button class="btn small" @click=${() => this.copy(s)}>${this.copied === s.id ? 'Copied ✓' : 'Copy snippet'}</button></div></div>
    </article>`;
  }
}
customElements.define('parley-sites', ParleySites);
declare global {
  interface HTMLElementTagNameMap { 'parley-sites': ParleySites }
}
