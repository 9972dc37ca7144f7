import { css } from 'lit';

export const styles = css`
  :host { position: fixed; inset: 0; z-index: 50; pointer-events: none; }
  :host([open]) { pointer-events: auto; }
  .scrim { position: absolute; inset: 0; background: rgb(15 20 35 / 25%); opacity: 0; transition: opacity .15s; }
  :host([open]) .scrim { opacity: 1; }
  aside {
    position: absolute; top: 0; right: 0; bottom: 0; width: min(380px, 92vw); background: var(--p-surface);
    box-shadow: -8px 0 24px rgb(16 24 40 / 12%); transform: translateX(100%); transition: transform .18s ease-out;
    display: grid; grid-template-rows: auto auto 1fr; visibility: hidden;
  }
  :host([open]) aside { transform: none; visibility: visible; }
  header { display: flex; align-items: center; gap: 8px; padding: 14px 16px; border-bottom: 1px solid var(--p-border); }
  header h2 { flex: 1; }
  .prefs { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; padding: 10px 16px; border-bottom: 1px solid var(--p-border); font-size: 13px; }
  ul { list-style: none; margin: 0; padding: 8px; overflow-y: auto; }
  li button { all: unset; box-sizing: border-box; display: grid; grid-template-columns: minmax(0, 1fr); gap: 2px; width: 100%; padding: 10px 12px; border-radius: 8px; cursor: pointer; }
  li button:hover { background: #f6f7fa; }
  li button:focus-visible { box-shadow: var(--p-focus); }
  li.unread button { background: var(--p-accent-soft); }
  .line { display: flex; gap: 8px; align-items: center; justify-content: space-between; min-width: 0; }
  .title { font-weight: 650; }
  .when { color: var(--p-muted); font-size: 12px; white-space: nowrap; }
  .text { flex: 1; min-width: 0; color: var(--p-muted); overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
  @media (prefers-reduced-motion: reduce) { aside, .scrim { transition: none; } }
`;
