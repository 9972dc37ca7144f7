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
 * The one origin check for HTTP, sockets and visitor sessions.
 */
export function originAllowed(origin: string | null | undefined, allowed: readonly string[]): boolean {
  if (!origin) return false;
  const normal = normalizeOrigin(origin);
  return normal !== null && allowed.includes(normal);
}
