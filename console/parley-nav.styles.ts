import { css } from 'lit';

export const styles = css`
  :host { display: block; background: #161b2e; color: #c9cee0; }
  /* Scrolls inside itself when the admin links outgrow the screen, so nothing spills onto the light page. */
  nav { display: flex; flex-direction: column; gap: 4px; padding: 16px 12px; position: sticky; top: 0; height: 100vh; overflow-y: auto; box-sizing: border-box; }
  .links { display: flex; flex-direction: column; gap: 4px; }
  .brand { display: flex; align-items: center; gap: 10px; color: #fff; font-weight: 700; font-size: 17px; padding: 4px 8px 16px; }
  .logo { width: 30px; height: 30px; border-radius: 8px; background: var(--p-accent); display: grid; place-items: center; font-weight: 800; }
  .group { font-size: 11px; text-transform: uppercase; letter-spacing: .08em; color: #7d849c; padding: 14px 10px 4px; }
  a { display: flex; align-items: center; gap: 10px; padding: 8px 10px; border-radius: 8px; color: inherit; text-decoration: none; font-weight: 550; }
  a:hover { background: rgb(255 255 255 / 6%); color: #fff; }
  a[aria-current='page'] { background: rgb(255 255 255 / 11%); color: #fff; }
  a:focus-visible { outline: 2px solid #a5b4fc; outline-offset: 0; }
  a .badge { margin-left: auto; }
  .spacer { flex: 1; }
  .me { border-top: 1px solid rgb(255 255 255 / 10%); padding: 12px 8px 0; display: grid; gap: 8px; }
  .me .name { color: #fff; font-weight: 600; }
  .me .role { font-size: 12px; color: #8d94ab; text-transform: capitalize; }
  .me .btn { background: transparent; color: #c9cee0; border-color: rgb(255 255 255 / 18%); }
  .me .btn:hover { background: rgb(255 255 255 / 8%); }
  @media (max-width: 900px) {
    nav { position: static; height: auto; flex-direction: row; flex-wrap: wrap; align-items: center; padding: 8px 12px; row-gap: 6px; }
    .brand { padding: 4px 8px; }
    .group, .spacer, .me .role { display: none; }
    .me { border: none; padding: 0; display: flex; align-items: center; margin-left: auto; }
    .links { order: 3; flex: 1 0 100%; min-width: 0; max-width: 100%; flex-direction: row; overflow-x: auto; scrollbar-width: thin; }
    .links a { white-space: nowrap; flex: none; }
  }
`;
