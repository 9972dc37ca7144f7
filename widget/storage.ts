// The host site's localStorage, namespaced by site key. Storage can be missing or full (private
// modes, quotas): the widget then works for the page's lifetime only.
import { storageKey } from './contract.ts';

type Key = Parameters<typeof storageKey>[1];

export function load<T>(siteKey: string, key: Key, fallback: T): T {
  try {
    const raw = localStorage.getItem(storageKey(siteKey, key));
    return raw === null ? fallback : (key === 'token' ? raw : JSON.parse(raw)) as T;
  } catch {
    return fallback;
  }
}

export function save(siteKey: string, key: Key, value: unknown): void {
  try {
    const k = storageKey(siteKey, key);
    if (value === null || value === undefined) localStorage.removeItem(k);
    else localStorage.setItem(k, typeof value === 'string' ? value : JSON.stringify(value));
  } catch {
    // Not stored; nothing else to do.
  }
}
