/**
 * widget-app.js: loaded by widget.js on first open (or when there is news). Renders the panel into
 * the loader's shadow root and answers the public API's calls.
 */
import { render } from 'preact';
import type { Mount } from './contract.ts';
import { createStore } from './actions.ts';
import { Panel } from './components/panel.tsx';
import css from './panel.styles.ts';
import { trackViewport } from './viewport.ts';

export const mount: Mount = (ctx) => {
  const s = createStore(ctx);
  const style = document.createElement('style');
  style.textContent = css;
  const container = document.createElement('div');
  ctx.root.append(style, container);
  trackViewport(ctx.root.host as HTMLElement);
  render(<Panel s={s} />, container);
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
