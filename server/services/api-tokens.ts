import { API_TOKEN_PREFIX, type ApiToken as WireToken, type NewApiToken, type Scope } from '../../protocol/index.ts';
import type { Database } from '../db/orm.ts';
import type { Actor } from '../domain/index.ts';
import { ApiToken } from '../entities/index.ts';
import { notFound } from '../errors.ts';
import { isUuid } from '../input.ts';
import { newToken, tokenId } from './tokens.ts';

export type IntegrationActor = Extract<Actor, { kind: 'integration' }>;

/** `last_used_at` is written at most this often per token, so a busy integration does not write on every call. */
const LAST_USED_RESOLUTION_MS = 30_000;

const toWire = (t: ApiToken): WireToken => ({
  id: t.id,
  name: t.name,
  scopes: t.scopes as Scope[],
  hint: t.hint,
  createdAt: new Date(t.createdAt).toISOString(),
  lastUsedAt: t.lastUsedAt ? new Date(t.lastUsedAt).toISOString() : null,
});

/** Admin-made API tokens: created with scopes, shown once, stored as a SHA-256 hash, revoked by deleting. */
export class ApiTokenService {
  private readonly db: Database;
  constructor(db: Database) {
    this.db = db;
  }

  async create(input: { name: string; scopes: Scope[] }, createdBy: string): Promise<NewApiToken> {
    const token = API_TOKEN_PREFIX + newToken();
    const em = this.db.em();
    const row = em.create(ApiToken, {
      name: input.name, scopes: [...new Set(input.scopes)], hash: tokenId(token),
      hint: token.slice(0, API_TOKEN_PREFIX.length + 4), createdBy, lastUsedAt: null,
    });
    await em.flush();
    return { ...toWire(row), token };
  }

  async list(): Promise<WireToken[]> {
    return (await this.db.em().find(ApiToken, {}, { orderBy: { createdAt: 'asc' } })).map(toWire);
  }

  /** Revoking deletes the row: the next request with the token is refused, on every instance. */
  async revoke(id: string): Promise<void> {
    const deleted = isUuid(id) ? await this.db.em().nativeDelete(ApiToken, { id }) : 0;
    if (!deleted) throw notFound('token');
  }

  /** Resolves `parley_pat_…` to its integration actor, or null. */
  async resolve(token: string): Promise<IntegrationActor | null> {
    if (!token.startsWith(API_TOKEN_PREFIX) || token.length > 128) return null;
    const [row] = await this.db.sql<{ id: string; name: string; scopes: Scope[] | string; last_used_at: Date | null }>(
      'select id, name, scopes, last_used_at from api_tokens where hash = ?',
      [tokenId(token)],
    );
    if (!row) return null;
    if (!row.last_used_at || Date.now() - new Date(row.last_used_at).getTime() > LAST_USED_RESOLUTION_MS) {
      // Not awaited: the caller need not wait for the bookkeeping; a failure only delays "last used".
      this.db.sql('update api_tokens set last_used_at = now() where id = ?', [row.id]).catch(() => {});
    }
    const scopes = typeof row.scopes === 'string' ? JSON.parse(row.scopes) : row.scopes;
    return { kind: 'integration', id: row.id, name: row.name, scopes };
  }
}
