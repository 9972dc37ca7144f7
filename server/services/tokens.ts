import { createHash, randomBytes } from 'node:crypto';

/** A random secret for a cookie or visitor token (256 bits, URL-safe). */
export const newToken = (): string => randomBytes(32).toString('base64url');

/** What the database stores instead of a token, so a leaked table yields no usable credential. */
export const tokenId = (token: string): string => createHash('sha256').update(token).digest('hex');
