import { createHmac, timingSafeEqual } from 'node:crypto';
import { ALLOWED_TYPES, ATTACHMENT_URL_TTL_MS, INLINE_TYPES, MAX_ATTACHMENT_NAME } from '../../protocol/index.ts';

/**
 * The attachment rules as pure functions: what type a file is, how it is served, how its
 * capability URL is signed.
 */

/** A name safe to store and show: the last path part, no control characters, at most MAX_ATTACHMENT_NAME. */
export function cleanName(raw: string | undefined): string {
  const last = (raw ?? '').split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const name = last.replace(/[\u0000-\u001f\u007f]/g, '').trim().slice(0, MAX_ATTACHMENT_NAME);
  return name || 'file';
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Whether the start of a file reads as text: valid UTF-8 (a character cut at the end is fine) and no NUL. */
export function looksLikeText(head: Uint8Array): boolean {
  if (head.includes(0)) return false;
  try {
    utf8.decode(head, { stream: true });
    return true;
  } catch {
    return false;
  }
}

/**
 * The stored type, from what file-type detected in the first bytes (`detected`), or null when not
 * allowed. Text (no magic number) is text/plain, or text/csv by name; markup such as SVG or HTML is
 * text too, so it is never served as something a browser renders.
 */
export function storedType(detected: string | undefined, head: Uint8Array, name: string): string | null {
  if (detected) return ALLOWED_TYPES.includes(detected) ? detected : null;
  if (!looksLikeText(head)) return null;
  return /\.csv$/i.test(name) ? 'text/csv' : 'text/plain';
}

/** RFC 6266 / 5987: an ASCII fallback and the UTF-8 name; inline only for raster images. */
export function contentDisposition(type: string, name: string): string {
  const kind = INLINE_TYPES.includes(type) ? 'inline' : 'attachment';
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/** Headers of every download: never sniffed, never scripted, kept out of shared caches. */
export function downloadHeaders(type: string, name: string, size: number): Record<string, string> {
  return {
    'content-type': type.startsWith('text/') ? `${type}; charset=utf-8` : type,
    'content-length': String(size),
    'content-disposition': contentDisposition(type, name),
    'x-content-type-options': 'nosniff',
    'content-security-policy': 'sandbox',
    'cache-control': 'private, max-age=3600',
  };
}

const mac = (secret: string, id: string, exp: number) => createHmac('sha256', secret).update(`attachment.${id}.${exp}`).digest('base64url');

/**
 * Expiry in unix seconds: rounded up to the next TTL step, so the URLs handed out within one step
 * are the same (browsers cache the image) and each works between one and two TTLs.
 */
export function expiryFor(nowMs: number, ttlMs = ATTACHMENT_URL_TTL_MS): number {
  return Math.ceil((nowMs + ttlMs) / ttlMs) * (ttlMs / 1000);
}

export const signedPath = (secret: string, id: string, exp: number): string => `/api/attachments/${id}?exp=${exp}&sig=${mac(secret, id, exp)}`;

/** Whether `exp`/`sig` from a URL are a valid, unexpired signature of `id`. */
export function verifySignature(secret: string, id: string, exp: unknown, sig: unknown, nowMs: number): 'ok' | 'expired' | 'bad' {
  if (typeof exp !== 'string' || typeof sig !== 'string' || !/^\d{1,12}$/.test(exp)) return 'bad';
  const want = Buffer.from(mac(secret, id, Number(exp)));
  const got = Buffer.from(sig);
  if (want.length !== got.length || !timingSafeEqual(want, got)) return 'bad';
  return Number(exp) * 1000 < nowMs ? 'expired' : 'ok';
}
