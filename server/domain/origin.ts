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

export const originAllowed = (origin: string | undefined, allowed: readonly string[]): boolean =>
  origin !== undefined && allowed.includes(origin);
