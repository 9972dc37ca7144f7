/**
 * widget-app.js: loaded by widget.js on first open (or when there is news). Renders the panel into
 * the loader's shadow root and answers the public API's calls.
 *
 * Rendering: the Preact binding of @preact/signals. Each component re-renders only when a signal it
 * read changes (a typing event redraws the typing line, not the 500-message list), and a signal put
 * straight into JSX (`{s.notice}`) updates its text node without any re-render.
 */
// The binding installs its Preact option hooks on import; it must run before the first render.
import '@preact/signals';
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
  render(<Panel s={s} />, container);
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
