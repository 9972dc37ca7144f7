import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { CannedResponse as WireCanned, NewCannedResponse } from '../../protocol/index.ts';
import type { EntityManager } from '@mikro-orm/core';
import type { Database } from '../db/orm.ts';
import { isAdmin, type Actor } from '../domain/index.ts';
import { CannedResponse } from '../entities/index.ts';
import { AppError, forbidden, notFound } from '../errors.ts';
import { isUuid } from '../input.ts';

const toWire = (r: CannedResponse): WireCanned => ({
  id: r.id, shortcut: r.shortcut, title: r.title, body: r.body, scope: r.scope as WireCanned['scope'],
  ownerId: r.ownerId ?? null, createdAt: r.createdAt.toISOString(), updatedAt: r.updatedAt.toISOString(),
});

type Staff = Extract<Actor, { kind: 'staff' }>;

/** Saved replies: everyone on the team uses the team's and their own; admins manage the team's, each member their own. */
export class CannedResponseService {
  private readonly db: Database;
  constructor(db: Database) {
    this.db = db;
  }

  async list(actor: Staff): Promise<WireCanned[]> {
    const rows = await this.db.em().find(CannedResponse, { $or: [{ scope: 'team' }, { scope: 'personal', ownerId: actor.id }] }, { orderBy: { shortcut: 'asc' } });
    return rows.map(toWire);
  }

  async create(actor: Staff, input: NewCannedResponse): Promise<WireCanned> {
    if (input.scope === 'team' && !isAdmin(actor)) throw forbidden('only admins manage team responses; save it as a personal one');
    const em = this.db.em();
    const row = em.create(CannedResponse, { ...input, ownerId: input.scope === 'personal' ? actor.id : null });
    await this.save(() => em.flush(), input.shortcut);
    return toWire(row);
  }

  async update(actor: Staff, id: string, patch: Partial<Omit<NewCannedResponse, 'scope'>>): Promise<WireCanned> {
    const em = this.db.em();
    const row = await this.manageable(em, actor, id);
    em.assign(row, patch);
    await this.save(() => em.flush(), patch.shortcut ?? row.shortcut);
    return toWire(row);
  }

  async remove(actor: Staff, id: string): Promise<void> {
    const em = this.db.em();
    await em.remove(await this.manageable(em, actor, id)).flush();
  }

  /** A response the actor may change: a team one for admins (403 for members), or their own personal one (anyone else's is 404). */
  private async manageable(em: EntityManager, actor: Staff, id: string): Promise<CannedResponse> {
    const row = isUuid(id) ? await em.findOne(CannedResponse, { id }) : null;
    if (!row || (row.scope === 'personal' && row.ownerId !== actor.id)) throw notFound('canned response');
    if (row.scope === 'team' && !isAdmin(actor)) throw forbidden('only admins manage team responses');
    return row;
  }

  private async save(flush: () => Promise<void>, shortcut: string): Promise<void> {
    try {
      await flush();
    } catch (err) {
      if (err instanceof UniqueConstraintViolationException) throw new AppError('conflict', `the shortcut /${shortcut} is already taken`);
      throw err;
    }
  }
}
