import { randomBytes } from 'node:crypto';
import { DEFAULT_CATEGORIES, type AskEmail, type BusinessHours, type CategoryLabels, type RoutingMode } from '../../protocol/index.ts';
import type { Database } from '../db/orm.ts';
import { Customer, Site, VisitorToken } from '../entities/index.ts';
import { notFound } from '../errors.ts';
import { isUuid } from '../input.ts';
import type { Bus } from '../realtime/bus.ts';

export interface SiteInput { name?: string; origins?: string[]; categories?: string[]; categoryLabels?: CategoryLabels | null; requireIdentity?: boolean; routing?: RoutingMode; hours?: BusinessHours | null; askEmail?: AskEmail; transcripts?: boolean }

/**
 * Sites and their allowed origins. Every widget request checks its Origin against them, so they are
 * cached in memory and reloaded when any instance changes one (a `sites` bus event).
 */
export class SiteService {
  private readonly db: Database;
  private readonly bus: Bus;
  private byKey = new Map<string, Site>();
  private byId = new Map<string, Site>();
  private origins = new Set<string>();
  private loading: Promise<void> | null = null;

  constructor(db: Database, bus: Bus) {
    this.db = db;
    this.bus = bus;
    bus.subscribe((e, local) => {
      if (e.t === 'sites' && !local) void this.reload();
    });
  }

  async reload(): Promise<void> {
    const sites = await this.db.em().find(Site, {});
    this.byKey = new Map(sites.map((s) => [s.key, s]));
    this.byId = new Map(sites.map((s) => [s.id, s]));
    this.origins = new Set(sites.flatMap((s) => s.origins));
  }

  private ready(): Promise<void> {
    return (this.loading ??= this.reload());
  }

  async byPublicKey(key: string): Promise<Site | undefined> {
    await this.ready();
    return this.byKey.get(key);
  }

  async get(id: string): Promise<Site | undefined> {
    await this.ready();
    return this.byId.get(id);
  }

  /** The site's requireIdentity from the cache (false until loaded): for fan-out, which must not wait. */
  cachedRequireIdentity(id: string): boolean {
    return this.byId.get(id)?.requireIdentity ?? false;
  }

  /** Is this origin allowed by any site? (CORS preflights and socket upgrades, before the site is known.) */
  async anyAllows(origin: string): Promise<boolean> {
    await this.ready();
    return this.origins.has(origin);
  }

  list(): Promise<Site[]> {
    return this.db.em().find(Site, {}, { orderBy: { createdAt: 'asc' } });
  }

  async create(input: Required<Pick<SiteInput, 'name' | 'origins'>> & SiteInput): Promise<Site> {
    const em = this.db.em();
    const site = em.create(Site, {
      name: input.name,
      key: `site_${randomBytes(12).toString('base64url')}`,
      secret: randomBytes(32).toString('hex'),
      origins: input.origins,
      categories: input.categories?.length ? input.categories : [...DEFAULT_CATEGORIES],
      categoryLabels: input.categoryLabels ?? null,
      requireIdentity: input.requireIdentity ?? false,
      routing: input.routing ?? 'manual',
      hours: input.hours ?? null,
      askEmail: input.askEmail ?? 'off',
      transcripts: input.transcripts ?? false,
    });
    await em.flush();
    await this.changed();
    return site;
  }

  async update(id: string, input: SiteInput): Promise<Site> {
    const em = this.db.em();
    const site = isUuid(id) ? await em.findOne(Site, { id }) : null;
    if (!site) throw notFound('site');
    if (input.name !== undefined) site.name = input.name;
    if (input.origins !== undefined) site.origins = input.origins;
    if (input.categories !== undefined) site.categories = input.categories.length ? input.categories : [...DEFAULT_CATEGORIES];
    if (input.categoryLabels !== undefined) site.categoryLabels = input.categoryLabels;
    if (input.requireIdentity !== undefined) site.requireIdentity = input.requireIdentity;
    if (input.routing !== undefined) site.routing = input.routing;
    if (input.hours !== undefined) site.hours = input.hours;
    if (input.askEmail !== undefined) site.askEmail = input.askEmail;
    if (input.transcripts !== undefined) site.transcripts = input.transcripts;
    await em.flush();
    await this.changed();
    return site;
  }

  /** New secret: identity hashes signed with the old one stop working, and identified visitors are signed out. */
  async rotateSecret(id: string): Promise<Site> {
    const em = this.db.em();
    const site = isUuid(id) ? await em.findOne(Site, { id }) : null;
    if (!site) throw notFound('site');
    site.secret = randomBytes(32).toString('hex');
    await em.flush();
    const verified = await em.find(Customer, { site, verified: true }, { fields: ['id'] });
    if (verified.length) await em.nativeDelete(VisitorToken, { customer: { $in: verified.map((c) => c.id) } });
    this.bus.publish({ t: 'revoke', siteId: site.id });
    await this.changed();
    return site;
  }

  private async changed(): Promise<void> {
    await this.reload();
    this.loading = Promise.resolve();
    this.bus.publish({ t: 'sites' });
  }
}
