import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { identityHash, verifyIdentity } from './identity.ts';
import { normalizeOrigin, originAllowed } from './origin.ts';

describe('identity verification', () => {
  const secret = 'site-secret';
  it('accepts the HMAC-SHA256 of the id with the site secret', () => {
    expect(verifyIdentity(secret, { id: 'u42', hash: identityHash(secret, 'u42') }, 0)).toEqual({ ok: true });
  });
  it('refuses another id, another secret, and garbage', () => {
    expect(verifyIdentity(secret, { id: 'u43', hash: identityHash(secret, 'u42') }, 0).ok).toBe(false);
    expect(verifyIdentity(secret, { id: 'u42', hash: identityHash('other', 'u42') }, 0).ok).toBe(false);
    expect(verifyIdentity(secret, { id: 'u42', hash: 'zz' }, 0).ok).toBe(false);
  });
  it('binds an expiry into the hash and refuses it once past', () => {
    const hash = identityHash(secret, 'u42', 1000);
    expect(verifyIdentity(secret, { id: 'u42', hash, expiresAt: 1000 }, 999).ok).toBe(true);
    expect(verifyIdentity(secret, { id: 'u42', hash, expiresAt: 1000 }, 1000)).toEqual({ ok: false, message: 'identity hash has expired' });
    expect(verifyIdentity(secret, { id: 'u42', hash, expiresAt: 5000 }, 999).ok).toBe(false);
  });
  it('keeps the two forms apart: an expiring hash is never a plain hash for another id', () => {
    const expiring = identityHash(secret, 'u42', 4_000_000_000);
    // The first version signed `u42:4000000000`, so this hash was a never-expiring one for that id.
    expect(verifyIdentity(secret, { id: 'u42:4000000000', hash: expiring }, 0).ok).toBe(false);
    expect(verifyIdentity(secret, { id: 'v2:u42:4000000000', hash: expiring }, 0)).toEqual({ ok: false, message: 'identity ids may not start with "v2:"' });
    // ...and a plain hash of a colon-id is no expiring hash either.
    const plain = identityHash(secret, 'u42:4000000000');
    expect(verifyIdentity(secret, { id: 'u42', hash: plain, expiresAt: 4_000_000_000 }, 0).ok).toBe(false);
    // Plain ids with colons still work as before.
    expect(verifyIdentity(secret, { id: 'org:7:user:42', hash: identityHash(secret, 'org:7:user:42') }, 0).ok).toBe(true);
  });
  it('signs the documented texts', () => {
    const hmac = (text: string) => createHmac('sha256', secret).update(text).digest('hex');
    expect(identityHash(secret, 'u42')).toBe(hmac('u42'));
    expect(identityHash(secret, 'u42', 1000)).toBe(hmac('v2:u42:1000'));
  });
});

describe('origins', () => {
  it('normalises origins and refuses anything else', () => {
    expect(normalizeOrigin('https://Shop.example:443')).toBe('https://shop.example');
    expect(normalizeOrigin('http://localhost:8080/')).toBe('http://localhost:8080');
    expect(normalizeOrigin('https://shop.example/path')).toBeNull();
    expect(normalizeOrigin('javascript:alert(1)')).toBeNull();
    expect(normalizeOrigin('not a url')).toBeNull();
  });
});

describe('originAllowed', () => {
  const allowed = ['https://shop.example', 'http://localhost:8080'];
  it('matches scheme, host and port exactly', () => {
    expect(originAllowed('https://shop.example', allowed)).toBe(true);
    expect(originAllowed('https://SHOP.example:443', allowed)).toBe(true);
    expect(originAllowed('http://shop.example', allowed)).toBe(false);
    expect(originAllowed('https://shop.example:8443', allowed)).toBe(false);
    expect(originAllowed('https://localhost:8080', allowed)).toBe(false);
    expect(originAllowed('http://localhost:8080', allowed)).toBe(true);
    expect(originAllowed('https://evil.example', allowed)).toBe(false);
  });
  it('refuses a missing or malformed origin', () => {
    expect(originAllowed(undefined, allowed)).toBe(false);
    expect(originAllowed('', allowed)).toBe(false);
    expect(originAllowed('null', allowed)).toBe(false);
    expect(originAllowed('https://shop.example/path', allowed)).toBe(false);
  });
});
