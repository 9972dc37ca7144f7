/** Normalises an origin (`https://a.example` form) or returns null when it is not one. */
export function normalizeOrigin(value: string): string | null {
  try {
    const url = new URL(value);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    if (url.pathname !== '/' || url.search || url.hash || url.username) return null;
    return url.origin;
  } catch {
    return null;
  }
}

/**
 * Is this request or socket Origin one of `allowed` (a site's origins, stored normalised)? Scheme, host
 * and port must all match: `https://a.example` does not allow `http://a.example` nor `https://a.example:8443`.
 * The one site-origin check for HTTP, sockets and visitor sessions.
 */
export function originAllowed(origin: string | null | undefined, allowed: readonly string[]): boolean {
  if (!origin) return false;
  const normal = normalizeOrigin(origin);
  return normal !== null && allowed.includes(normal);
}

/** Where a request arrived: the Host it named, the scheme it really came in on, and the configured origins. */
export interface OwnOriginFacts {
  host: string | undefined;
  /** `http` or `https`, as the connection was (or a trusted proxy says it was). */
  scheme: string;
  publicUrl: string | null;
  extra: readonly string[];
}

/**
 * Is `origin` this server itself (which may use the console's session cookie)? Scheme, host and port
 * are compared exactly: `https://localhost:3000` is not `http://localhost:3000`. The one check for
 * HTTP requests and socket upgrades alike.
 */
export function isOwnOrigin(origin: string | undefined, own: OwnOriginFacts): boolean {
  if (!origin) return false;
  if (own.extra.includes(origin)) return true;
  if (own.publicUrl && new URL(own.publicUrl).origin === origin) return true;
  return !!own.host && `${own.scheme}://${own.host}`.toLowerCase() === origin.toLowerCase();
}
