// Helpers for the widget's browser tests: the real server (from parley-server-plugin.mjs), staff
// actions through its HTTP API, embedding the built widget as a site owner would, waiting.
import type { Ticket } from '../../protocol/index.ts';

export interface ParleyInfo {
  url: string;
  siteKey: string;
  siteSecret: string;
  siteId: string;
}

let info: Promise<ParleyInfo> | undefined;
export const parley = () => (info ??= fetch('/__parley').then((r) => r.json()));

/** A member's action through the server's HTTP API: accept, reject, close, message, messages, tickets, rating. */
export async function staff<T = any>(action: string, params: Record<string, string> = {}): Promise<{ status: number; body: T }> {
  const res = await fetch(`/__parley/staff?${new URLSearchParams({ action, ...params })}`);
  return res.json();
}

export async function until<T>(check: () => T, ms = 8000, what = 'condition'): Promise<NonNullable<T>> {
  const start = Date.now();
  for (;;) {
    const value = check();
    if (value) return value as NonNullable<T>;
    if (Date.now() - start > ms) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

export type ParleyApi = ((method: string, ...args: unknown[]) => unknown) & {
  version: string;
  open(): Promise<void>;
  close(): void;
  identify(identity: unknown): Promise<void>;
  reset(): Promise<void>;
  setLocale(locale: string): void;
  setTheme(theme: Record<string, string>): void;
  on(event: string, fn: (detail: any) => void): void;
  off(event: string, fn: (detail: any) => void): void;
  q?: unknown[];
};
export const api = () => (window as unknown as { Parley: ParleyApi }).Parley;

/** Adds the snippet exactly as a site owner pastes it (data attributes and all). */
export async function embed(attrs: Record<string, string> = {}): Promise<ShadowRoot> {
  const { url, siteKey } = await parley();
  const script = document.createElement('script');
  script.src = `${url}/widget.js`;
  script.async = true;
  script.dataset.site = siteKey;
  for (const [k, v] of Object.entries(attrs)) script.setAttribute(`data-${k}`, v);
  document.head.append(script);
  return until(() => document.querySelector('parley-widget')?.shadowRoot, 8000, 'the widget');
}

/** Removes the widget, its API and its storage so the next test starts fresh. */
export function unembed(): void {
  document.querySelectorAll('parley-widget, script[data-site]').forEach((el) => el.remove());
  delete (window as unknown as { Parley?: unknown }).Parley;
  localStorage.clear();
}

export const $ = <T extends Element = HTMLElement>(root: ShadowRoot, selector: string) => root.querySelector<T>(selector);
export const $$ = (root: ShadowRoot, selector: string) => [...root.querySelectorAll<HTMLElement>(selector)];

/** Types into a field the way a user does (value, then an input event). */
export function type(field: HTMLTextAreaElement | HTMLInputElement, text: string): void {
  field.value = text;
  field.dispatchEvent(new Event('input', { bubbles: true }));
}

/** HMAC-SHA256(secret, id), hex: what a site owner's backend computes for `identify`. */
export async function identityHash(secret: string, id: string): Promise<string> {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const sig = await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(id));
  return Array.from(new Uint8Array(sig), (b) => b.toString(16).padStart(2, '0')).join('');
}

export type { Ticket };

/** Ticket t1 of customer c1, assigned to Maya, as the server would send it; `over` changes fields. */
export const ticket = (over: Partial<Ticket> = {}): Ticket => ({
  id: 't1', siteId: 's1', customer: { id: 'c1' }, category: 'Billing', urgency: 'high', description: 'Wrong VAT number',
  status: 'assigned', assignee: { id: 'u1', name: 'Maya' }, rejectReason: null, createdAt: '2026-01-01T10:00:00Z',
  acceptedAt: null, rejectedAt: null, closedAt: null, lastSeq: 0, readSeq: 0, ...over,
});
