import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Identity } from '../../protocol/index.ts';

/**
 * The text a site owner signs: the customer id (the plain form, unchanged since the first version), or
 * `v2:<id>:<expiresAt>` when the hash carries an expiry. The version prefix keeps the two forms apart:
 * an expiring text always starts with `v2:`, and a plain id may not, so a leaked expiring hash is never
 * a valid plain hash for some other id (the first version signed `<id>:<expiresAt>`, which was).
 */
export const signedString = (id: string, expiresAt?: number): string => (expiresAt === undefined ? id : `v2:${id}:${expiresAt}`);

export const identityHash = (secret: string, id: string, expiresAt?: number): string =>
  createHmac('sha256', secret).update(signedString(id, expiresAt)).digest('hex');

export type IdentityVerdict = { ok: true } | { ok: false; message: string };

/** Checks an identity hash (HMAC-SHA256 hex, constant-time) and its expiry against `nowSeconds`. */
export function verifyIdentity(secret: string, identity: Identity, nowSeconds: number): IdentityVerdict {
  if (identity.expiresAt === undefined && identity.id.startsWith('v2:')) return { ok: false, message: 'identity ids may not start with "v2:"' };
  if (identity.expiresAt !== undefined && identity.expiresAt <= nowSeconds) return { ok: false, message: 'identity hash has expired' };
  const expected = Buffer.from(identityHash(secret, identity.id, identity.expiresAt), 'hex');
  const given = /^[0-9a-f]{64}$/i.test(identity.hash) ? Buffer.from(identity.hash, 'hex') : Buffer.alloc(0);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, message: 'identity hash does not match' };
  return { ok: true };
}
