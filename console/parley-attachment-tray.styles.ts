import { css } from 'lit';

export const styles = css`
  /* The paperclip joins the composer's row; the list takes a line of its own above it. */
  :host { display: contents; }
  :host([hidden]) { display: none; }
  .files { order: -1; flex-basis: 100%; display: grid; gap: 6px; }
  ul { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 6px; }
  li { display: flex; align-items: center; gap: 8px; max-width: 100%; padding: 4px 6px 4px 10px; border: 1px solid var(--p-border); border-radius: 8px; background: #f7f8fb; font-size: 13px; }
  li[data-state=failed] { border-color: var(--p-danger); background: var(--p-danger-soft); }
  .name { max-width: 220px; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; font-weight: 550; }
  .size { color: var(--p-muted); }
  .error { color: var(--p-danger); font-weight: 550; }
  progress { width: 80px; height: 6px; accent-color: var(--p-accent); }
  .x { all: unset; cursor: pointer; padding: 2px 6px; border-radius: 6px; color: var(--p-accent-strong); font-weight: 650; }
  .x:hover { background: var(--p-accent-soft); }
  .x:focus-visible { box-shadow: var(--p-focus); }
  .refused { margin: 0; color: var(--p-danger); font-size: 13px; font-weight: 550; }
  .clip { min-height: 40px; padding: 0 10px; }
`;
