import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { LIMITS, type MemberLoad, type Role } from '../../protocol/index.ts';
import type { Database } from '../db/orm.ts';
import { User } from '../entities/index.ts';
import { AppError, notFound } from '../errors.ts';
import { isUuid } from '../input.ts';
import { memberLoads } from './routing-stats.ts';
import type { AuthService } from './auth.ts';
import { hashPassword } from './passwords.ts';

export interface NewUser { email: string; name: string; password: string; role: Role }
export interface UserPatch { active?: boolean; role?: Role; name?: string; password?: string; capacity?: number }

/** Staff accounts (admin only). Deactivation and password changes end the user's sessions at once. */
export class UserService {
  private readonly db: Database;
  private readonly auth: AuthService;
  constructor(db: Database, auth: AuthService) {
    this.db = db;
    this.auth = auth;
  }

  /** The signed-in user's own account (`GET /api/auth/me`). */
  async get(id: string): Promise<User> {
    const user = isUuid(id) ? await this.db.em().findOne(User, { id }) : null;
    if (!user) throw notFound('user');
    return user;
  }

  /** Whether `id` gets new-ticket mail while no member is online (`PATCH /api/users/me {mailNewTickets}`). */
  async setMailNewTickets(id: string, on: boolean): Promise<void> {
    await this.db.em().nativeUpdate(User, { id }, { mailNewTickets: on });
  }

  /** Whether `id` gets mail for customer replies on their tickets while not online (`{mailCustomerReplies}`). */
  async setMailCustomerReplies(id: string, on: boolean): Promise<void> {
    await this.db.em().nativeUpdate(User, { id }, { mailCustomerReplies: on });
  }

  /** Every active staff member's name, status and load (no emails): whom a ticket can be transferred to. */
  loads(): Promise<MemberLoad[]> {
    return memberLoads(this.db);
  }

  list(): Promise<User[]> {
    return this.db.em().find(User, {}, { orderBy: { createdAt: 'asc' } });
  }

  async create(input: NewUser): Promise<User> {
    const em = this.db.em();
    if (await em.count(User, { email: input.email })) throw new AppError('conflict', 'a user with this email already exists');
    const user = em.create(User, { email: input.email, name: input.name, role: input.role, passwordHash: await hashPassword(input.password), active: true });
    try {
      await em.flush();
    } catch (err) {
      // The count above races with a concurrent create; the unique index decides.
      if (err instanceof UniqueConstraintViolationException) throw new AppError('conflict', 'a user with this email already exists');
      throw err;
    }
    return user;
  }

  async update(id: string, patch: UserPatch, actingUserId: string): Promise<User> {
    const em = this.db.em();
    const user = isUuid(id) ? await em.findOne(User, { id }) : null;
    if (!user) throw notFound('user');
    if (id === actingUserId && (patch.active === false || patch.role === 'member')) {
      throw new AppError('invalid_state', 'you cannot deactivate or demote yourself');
    }
    if (patch.name !== undefined) user.name = patch.name;
    if (patch.role !== undefined) user.role = patch.role;
    if (patch.active !== undefined) user.active = patch.active;
    if (patch.capacity !== undefined) user.capacity = patch.capacity;
    if (patch.password !== undefined) {
      if (patch.password.length < LIMITS.password.min) throw new AppError('bad_request', `password must be at least ${LIMITS.password.min} characters`);
      user.passwordHash = await hashPassword(patch.password);
    }
    await em.flush();
    if (patch.active === false || patch.password !== undefined || patch.role !== undefined) await this.auth.revokeUser(user.id);
    return user;
  }
}
