import { randomBytes } from 'node:crypto';
import { LIMITS } from '../../protocol/index.ts';
import type { Database } from '../db/orm.ts';
import type { Actor } from '../domain/index.ts';
import { Session, User } from '../entities/index.ts';
import { AppError } from '../errors.ts';
import type { Bus } from '../realtime/bus.ts';
import { dummyHash, hashPassword, verifyPassword } from './passwords.ts';
import type { Limits } from './rate-limit.ts';
import { newToken, tokenId } from './tokens.ts';

export interface StaffSession {
  sessionId: string;
  actor: Extract<Actor, { kind: 'staff' }>;
}

/** The staff session cookie (HTTP sets it; the socket upgrade reads it). */
export const SESSION_COOKIE = 'parley_session';

const LOGIN_FAILED = 'email or password is incorrect';

/** Staff sign-in: argon2id passwords, server-side sessions keyed by a hash of the cookie, failure limits. */
export class AuthService {
  private readonly db: Database;
  private readonly bus: Bus;
  private readonly ttlMs: number;
  private readonly limits: Limits;

  constructor(db: Database, bus: Bus, ttlHours: number, limits: Limits) {
    this.db = db;
    this.limits = limits;
    this.bus = bus;
    this.ttlMs = ttlHours * 3600_000;
  }

  /** Returns a new session token (a fresh id at every login) or throws one message for every failure. */
  async login(email: string, password: string, address: string): Promise<{ token: string; user: User }> {
    const account = email.trim().toLowerCase();
    await this.limits.loginPerAccount.check(account, 'too many failed sign-ins');
    await this.limits.loginPerAddress.check(address, 'too many failed sign-ins');
    const em = this.db.em();
    const user = await em.findOne(User, { email: account });
    const ok = user ? await verifyPassword(user.passwordHash, password) : (await verifyPassword(await dummyHash(), password), false);
    if (!user || !ok || !user.active) {
      await Promise.all([this.limits.loginPerAccount.record(account), this.limits.loginPerAddress.record(address)]);
      throw new AppError('unauthorized', LOGIN_FAILED);
    }
    await this.limits.loginPerAccount.reset(account);
    // Expired sessions are useless; sweeping at sign-in keeps the table small without a timer.
    await em.nativeDelete(Session, { expiresAt: { $lt: new Date() } });
    const token = newToken();
    em.create(Session, { id: tokenId(token), user, expiresAt: new Date(Date.now() + this.ttlMs) });
    await em.flush();
    return { token, user };
  }

  async logout(sessionId: string): Promise<void> {
    await this.db.em().nativeDelete(Session, { id: sessionId });
    this.bus.publish({ t: 'revoke', sessionId });
  }

  /** Resolves a session cookie to its staff actor, or null (unknown, expired, or deactivated user). */
  async resolve(token: string | undefined): Promise<StaffSession | null> {
    if (!token || token.length > 128) return null;
    const id = tokenId(token);
    // Every console request and socket upgrade comes here: one indexed join, no entity hydration.
    const [u] = await this.db.sql<{ id: string; name: string; role: 'member' | 'admin' }>(
      'select u.id, u.name, u.role from sessions s join users u on u.id = s.user_id where s.id = ? and s.expires_at > now() and u.active',
      [id],
    );
    return u ? { sessionId: id, actor: { kind: 'staff', id: u.id, name: u.name, role: u.role } } : null;
  }

  /** Ends every session and socket of a user (deactivated, password changed). */
  async revokeUser(userId: string, keepSessionId?: string): Promise<void> {
    const where = keepSessionId ? { user: userId, id: { $ne: keepSessionId } } : { user: userId };
    await this.db.em().nativeDelete(Session, where);
    this.bus.publish({ t: 'revoke', userId });
  }

  /** On first start with no admin: creates one from env, or with a generated password printed once. */
  async ensureFirstAdmin(email: string | null, password: string | null, log: (line: string) => void): Promise<void> {
    const em = this.db.em();
    if ((await em.count(User, { role: 'admin' })) > 0) return;
    const address = (email ?? 'admin@parley.local').toLowerCase();
    const generated = !password;
    const secret = password ?? randomBytes(12).toString('base64url');
    if (secret.length < LIMITS.password.min) throw new Error(`PARLEY_ADMIN_PASSWORD must be at least ${LIMITS.password.min} characters`);
    em.create(User, { email: address, name: 'Admin', role: 'admin', passwordHash: await hashPassword(secret), active: true });
    await em.flush();
    if (generated) {
      log(`Created the first admin. Sign in at /console as ${address} with password: ${secret}`);
      log('This password is shown only once; change it from the console (Members).');
    } else {
      log(`Created the first admin ${address} (password from PARLEY_ADMIN_PASSWORD).`);
    }
  }
}
