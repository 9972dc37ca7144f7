import type { Team as WireTeam, TeamInput } from '../../protocol/index.ts';
import type { Database } from '../db/orm.ts';
import { Team, TeamCategory, TeamMember, User } from '../entities/index.ts';
import { AppError, badRequest, notFound } from '../errors.ts';
import { isUuid } from '../input.ts';

const isUnique = (err: unknown) => /unique|duplicate/i.test(String((err as Error).message));

/**
 * Teams of members and the categories routed to them. A category belongs to one team at most (it
 * is the key of team_categories), so two admins routing one category at once cannot both win.
 */
export class TeamService {
  private readonly db: Database;
  private readonly changed: () => void;
  constructor(db: Database, changed: () => void) {
    this.db = db;
    this.changed = changed;
  }

  async list(): Promise<WireTeam[]> {
    const em = this.db.em();
    const [teams, members, categories] = await Promise.all([
      em.find(Team, {}, { orderBy: { createdAt: 'asc', id: 'asc' } }),
      em.find(TeamMember, {}),
      em.find(TeamCategory, {}, { orderBy: { category: 'asc' } }),
    ]);
    return teams.map((t) => ({
      id: t.id,
      name: t.name,
      memberIds: members.filter((m) => m.team.id === t.id).map((m) => m.user.id),
      categories: categories.filter((c) => c.team.id === t.id).map((c) => c.category),
      createdAt: t.createdAt.toISOString(),
    }));
  }

  async get(id: string): Promise<WireTeam> {
    const team = (await this.list()).find((t) => t.id === id);
    if (!team) throw notFound('team');
    return team;
  }

  async create(input: TeamInput): Promise<WireTeam> {
    await this.checkMembers(input.memberIds);
    const id = await this.write(async (em) => {
      const team = em.create(Team, { name: input.name });
      this.fill(em, team, input.memberIds, input.categories);
      return team.id;
    });
    return this.get(id);
  }

  async update(id: string, patch: Partial<TeamInput>): Promise<WireTeam> {
    if (!isUuid(id)) throw notFound('team');
    if (patch.memberIds) await this.checkMembers(patch.memberIds);
    await this.write(async (em) => {
      const team = await em.findOne(Team, { id });
      if (!team) throw notFound('team');
      if (patch.name !== undefined) team.name = patch.name;
      if (patch.memberIds) await em.nativeDelete(TeamMember, { team });
      if (patch.categories) await em.nativeDelete(TeamCategory, { team });
      this.fill(em, team, patch.memberIds, patch.categories);
    });
    return this.get(id);
  }

  async remove(id: string): Promise<void> {
    const deleted = isUuid(id) ? await this.db.em().nativeDelete(Team, { id }) : 0;
    if (!deleted) throw notFound('team');
    this.changed();
  }

  private fill(em: ReturnType<Database['em']>, team: Team, memberIds?: string[], categories?: string[]): void {
    for (const user of memberIds ?? []) em.create(TeamMember, { team, user });
    for (const category of categories ?? []) em.create(TeamCategory, { team, category });
  }

  /** One transaction; a unique violation is a name or a category another team already has. */
  private async write<T>(fn: (em: ReturnType<Database['em']>) => Promise<T>): Promise<T> {
    try {
      const result = await this.db.em().transactional(fn);
      this.changed();
      return result;
    } catch (err) {
      if (err instanceof AppError || !isUnique(err)) throw err;
      const m = /team_categories|category/i.test(String((err as Error).message));
      throw new AppError('conflict', m ? 'a category is already routed to another team' : 'a team with this name already exists');
    }
  }

  private async checkMembers(ids: string[]): Promise<void> {
    if (ids.some((id) => !isUuid(id))) throw badRequest('memberIds must be ids of staff users');
    if (!ids.length) return;
    const found = await this.db.em().count(User, { id: { $in: ids } });
    if (found !== ids.length) throw badRequest('memberIds must be ids of staff users');
  }
}
