import { css } from 'lit';

export const styles = css`
  :host { display: block; min-height: 100vh; background: var(--p-bg); }
  .shell { display: grid; grid-template-columns: 232px 1fr; min-height: 100vh; }
  nav { background: #161b2e; color: #c9cee0; display: flex; flex-direction: column; gap: 4px; padding: 16px 12px; position: sticky; top: 0; height: 100vh; }
  .brand { display: flex; align-items: center; gap: 10px; color: #fff; font-weight: 700; font-size: 17px; padding: 4px 8px 16px; }
  .logo { width: 30px; height: 30px; border-radius: 8px; background: var(--p-accent); display: grid; place-items: center; font-weight: 800; }
  .group { font-size: 11px; text-transform: uppercase; letter-spacing: .08em; color: #7d849c; padding: 14px 10px 4px; }
  nav a { display: flex; align-items: center; gap: 10px; padding: 8px 10px; border-radius: 8px; color: inherit; text-decoration: none; font-weight: 550; }
  nav a:hover { background: rgb(255 255 255 / 6%); color: #fff; }
  nav a[aria-current='page'] { background: rgb(255 255 255 / 11%); color: #fff; }
  nav a:focus-visible { outline: 2px solid #a5b4fc; outline-offset: 0; }
  nav a .badge { margin-left: auto; }
  .spacer { flex: 1; }
  .me { border-top: 1px solid rgb(255 255 255 / 10%); padding: 12px 8px 0; display: grid; gap: 8px; }
  .me .name { color: #fff; font-weight: 600; }
  .me .role { font-size: 12px; color: #8d94ab; text-transform: capitalize; }
  .me .btn { background: transparent; color: #c9cee0; border-color: rgb(255 255 255 / 18%); }
  .me .btn:hover { background: rgb(255 255 255 / 8%); }
  main { min-width: 0; display: grid; grid-template-rows: auto 1fr; height: 100vh; }
  .topbar { display: flex; align-items: center; gap: 12px; padding: 12px 24px; background: var(--p-surface); border-bottom: 1px solid var(--p-border); }
  .topbar h1 { flex: 1; }
  .conn { font-size: 12px; font-weight: 600; }
  .conn.open { background: var(--p-ok-soft); color: var(--p-ok); }
  .conn.connecting, .conn.closed { background: var(--p-warn-soft); color: var(--p-warn); }
  .bell { position: relative; }
  .bell .badge { position: absolute; top: -6px; right: -6px; }
  .content { overflow: auto; padding: 20px 24px; min-height: 0; }
  .content.flush { padding: 0; overflow: hidden; }
  @media (max-width: 900px) {
    .shell { grid-template-columns: 1fr; grid-template-rows: auto 1fr; }
    nav { position: static; height: auto; flex-direction: row; flex-wrap: wrap; align-items: center; padding: 8px 12px; }
    .brand { padding: 4px 8px; }
    .group, .spacer, .me .role { display: none; }
    .me { border: none; padding: 0; display: flex; align-items: center; margin-left: auto; }
    main { height: calc(100vh - 54px); }
    .content { padding: 16px; }
  }
`;
