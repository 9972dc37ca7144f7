import { css } from 'lit';

export const styles = css`
  :host { display: block; }
  section { padding: 18px 18px 0; display: grid; gap: 12px; }
  .who { display: flex; flex-wrap: wrap; align-items: center; gap: 8px; }
  h2 { font-size: 16px; margin: 0; overflow-wrap: anywhere; }
  .verified { background: var(--p-ok-soft); color: var(--p-ok); }
  .presence { margin: 0; color: var(--p-muted); font-size: 13px; display: flex; align-items: center; gap: 6px; }
  .presence::before { content: ''; width: 8px; height: 8px; border-radius: 50%; background: #c2c7d3; }
  .presence.online { color: var(--p-ok); font-weight: 600; }
  .presence.online::before { background: var(--p-ok); }
  dl { margin: 0; display: grid; grid-template-columns: auto 1fr; gap: 6px 14px; }
  dt { color: var(--p-muted); font-size: 13px; }
  dd { margin: 0; font-weight: 550; overflow-wrap: anywhere; min-width: 0; }
  .attributes dd { font-weight: 450; }
  a { color: var(--p-accent-strong); }
  .tickets { list-style: none; margin: 0; padding: 0; display: grid; gap: 4px; }
  .tickets a { display: grid; grid-template-columns: auto 1fr; gap: 2px 8px; padding: 6px 8px; border-radius: 8px; color: inherit; text-decoration: none; }
  .tickets a:hover { background: #f4f5f9; }
  .tickets a:focus-visible { outline: none; box-shadow: var(--p-focus); }
  .tickets .what { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
  .tickets .when { grid-column: 2; font-size: 12px; }
  p.muted { margin: 0; }
`;
