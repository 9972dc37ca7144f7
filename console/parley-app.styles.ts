import { css } from 'lit';

export const styles = css`
  :host { display: block; min-height: 100vh; background: var(--p-bg); }
  .shell { display: grid; grid-template-columns: 232px 1fr; min-height: 100vh; }
  main { min-width: 0; display: grid; grid-template-rows: auto 1fr; height: 100vh; }
  .topbar { display: flex; align-items: center; gap: 12px; padding: 12px 24px; background: var(--p-surface); border-bottom: 1px solid var(--p-border); }
  .topbar h1 { flex: 1; }
  .topbar h1:focus { outline: none; }
  .conn { font-size: 12px; font-weight: 600; }
  .conn.open { background: var(--p-ok-soft); color: var(--p-ok); }
  .conn.connecting, .conn.closed { background: var(--p-warn-soft); color: var(--p-warn); }
  .bell { position: relative; }
  .bell .badge { position: absolute; top: -6px; right: -6px; }
  .content { overflow: auto; padding: 20px 24px; min-height: 0; }
  /* Focusable (tabindex 0) so keyboard users can scroll a long page. */
  .content:focus-visible { outline: 2px solid var(--p-accent); outline-offset: -2px; }
  .content.flush { padding: 0; overflow: hidden; }
  @media (max-width: 900px) {
    /* The top bar's height depends on its contents: size main by the grid, so nothing below is cut off. */
    .shell { grid-template-columns: minmax(0, 1fr); grid-template-rows: auto minmax(0, 1fr); height: 100vh; height: 100dvh; min-height: 0; }
    main { height: auto; min-height: 0; }
    .content { padding: 16px; }
  }
`;
