import { css } from 'lit';

export const styles = css`
  :host { display: block; max-width: 100%; }
  .thumb { all: unset; display: block; cursor: zoom-in; border-radius: 10px; overflow: hidden; border: 1px solid var(--p-border); background: #eef0f4; line-height: 0; }
  .thumb:focus-visible { box-shadow: var(--p-focus); }
  /* The box comes from the width/height attributes (thumbSize), so nothing moves when the image loads. */
  .thumb img { display: block; max-width: 100%; height: auto; object-fit: cover; }
  .file { display: flex; align-items: center; gap: 10px; width: 260px; max-width: 100%; padding: 8px 10px; border: 1px solid var(--p-border); border-radius: 10px; background: var(--p-surface); color: var(--p-text); }
  .icon { flex: none; display: grid; place-items: center; width: 36px; height: 36px; border-radius: 8px; background: var(--p-accent-soft); color: var(--p-accent-strong); font-size: 10px; font-weight: 750; letter-spacing: .02em; }
  .text { display: grid; min-width: 0; flex: 1; }
  .name { font-weight: 600; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
  .meta { font-size: 12px; color: var(--p-muted); }
  .download { flex: none; color: var(--p-accent-strong); font-weight: 650; font-size: 13px; border-radius: 6px; }
  .download:focus-visible { outline: none; box-shadow: var(--p-focus); }
`;
