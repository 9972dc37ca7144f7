/**
 * widget-app.js: loaded by widget.js on first open (or when there is news). Renders the panel into
 * the loader's shadow root and answers the public API's calls.
 *
 * Rendering: one effect renders the whole panel and re-runs when any signal it read changes; the
 * message list is memoised (ticket-view.tsx), so Preact skips it on a typing event. The Preact
 * binding of @preact/signals (per-component re-renders) does not fit the size budget: it adds about
 * 1.1 KB gzipped, and with every component on it the widget measured 20,915 B against 20,480
 * (2026-12-03). The signals are @preact/signals' own core.
 */
import { effect } from '@preact/signals-core';
import { render } from 'preact';
import type { Mount } from './contract.ts';
import { createStore, type Store } from './actions.ts';
import { Panel } from './components/panel.tsx';
import css from './panel.styles.ts';
import { trackViewport } from './viewport.ts';

/** Draws the panel of a store into a shadow root, for good (the widget lives as long as the page). */
export function show(s: Store, root: ShadowRoot): void {
  const style = document.createElement('style');
  style.textContent = css;
  const container = document.createElement('div');
  root.append(style, container);
  trackViewport(root.host as HTMLElement);
  effect(() => render(<Panel s={s} />, container));
}

export const mount: Mount = (ctx) => {
  const s = createStore(ctx);
  show(s, ctx.root);
  void s.start();
  return {
    open: s.open,
    close: s.close,
    identify: s.identify,
    reset: s.reset,
    setLocale: s.setLocale,
    setTheme: s.setTheme,
  };
};
