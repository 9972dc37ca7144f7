// What the loader (widget.js) and the lazily loaded app (widget-app.js) pass each other. Types only.
import type { Identity } from '../protocol/index.ts';

export type Position = 'left' | 'right';

/** Theming, from data attributes or `Parley.setTheme`. */
export interface Theme {
  /** Any CSS colour. */
  accent?: string;
  position?: Position;
  greeting?: string;
  title?: string;
  /** Fixes the colours; unset follows the visitor's `prefers-color-scheme`. */
  theme?: 'light' | 'dark';
}

/** Events a site owner can listen to with `Parley.on(name, handler)`. */
export type WidgetEvent = 'ready' | 'opened' | 'closed' | 'ticketCreated' | 'message';

export interface LoaderContext {
  siteKey: string;
  /** The server's origin, e.g. `https://support.example.com` (where widget.js came from). */
  server: string;
  theme: Theme;
  locale?: string;
  /** A resume link's token (`?parley_resume=` in the page address, removed from it): open that conversation. */
  resume?: string;
  /** Set by `identify` before the app was loaded. */
  identity?: Identity;
  root: ShadowRoot;
  launcher: HTMLButtonElement;
  emit(event: WidgetEvent, detail?: unknown): void;
  /** Number on the launcher; 0 hides it. `label` gives the launcher's accessible name for the shown count. */
  badge(count: number, label?: (shown: string) => string): void;
  /** Tells the loader the panel opened or closed (icon, aria-expanded). */
  opened(open: boolean): void;
}

/** The loaded app, driven by the loader's public API. */
export interface WidgetApp {
  open(): void;
  close(): void;
  identify(identity: Identity): Promise<void>;
  reset(): Promise<void>;
  setLocale(locale: string): void;
  setTheme(theme: Theme): void;
}

/** widget-app.js exports `mount`. */
export type Mount = (ctx: LoaderContext) => WidgetApp;

/** localStorage keys, namespaced by site key so two sites on one origin never mix. */
export const storageKey = (siteKey: string, what: 'token' | 'outbox' | 'seen' | 'view' | 'drafts' | 'scroll') => `parley:${siteKey}:${what}`;
