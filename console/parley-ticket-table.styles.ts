import { css } from 'lit';

export const styles = css`
  :host { display: block; container-type: inline-size; }
  .wrap { overflow-x: auto; }
  table { width: 100%; border-collapse: separate; border-spacing: 0; }
  th, td { padding: 10px 12px; text-align: left; border-bottom: 1px solid var(--p-border); vertical-align: middle; }
  th { position: sticky; top: 0; background: #fafbfc; font-size: 12px; font-weight: 650; color: var(--p-muted); text-transform: uppercase; letter-spacing: .03em; white-space: nowrap; }
  th button { all: unset; cursor: pointer; display: inline-flex; gap: 4px; align-items: center; border-radius: 4px; }
  th button:focus-visible { box-shadow: var(--p-focus); }
  th .arrow { opacity: .35; font-size: 10px; }
  th[aria-sort='ascending'] .arrow, th[aria-sort='descending'] .arrow { opacity: 1; color: var(--p-accent); }
  tbody tr { transition: background .1s; cursor: pointer; }
  tbody tr:hover { background: #f9fafc; }
  tbody tr:focus { outline: none; }
  tbody tr.selected { background: var(--p-accent-soft); }
  tbody tr.selected td:last-child { box-shadow: inset -3px 0 0 var(--p-accent); }
  tr.urgent td:first-child { box-shadow: inset 3px 0 0 var(--p-danger); }
  tr.high td:first-child { box-shadow: inset 3px 0 0 var(--p-warn); }
  tr.fresh { animation: flash 1.6s ease-out; }
  @keyframes flash { from { background: var(--p-accent-soft); } to { background: transparent; } }
  @media (prefers-reduced-motion: reduce) { tr.fresh { animation: none; } }
  /* The description takes what the other columns leave (max-width 0 lets it shrink), so the actions never scroll off. */
  .desc { max-width: 0; width: 100%; color: var(--p-muted); overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
  .customer { font-weight: 600; white-space: nowrap; }
  /* On narrow screens the description column folds under the customer's name. */
  .desc-inline { display: none; color: var(--p-muted); font-size: 13px; max-width: 220px; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
  .age { white-space: nowrap; color: var(--p-muted); font-variant-numeric: tabular-nums; }
  .actions { display: flex; gap: 6px; justify-content: flex-end; }
  td.actions-cell { width: 1%; }
  a.open { color: inherit; text-decoration: none; font-weight: 600; }
  a.open:hover { color: var(--p-accent); text-decoration: underline; }
  /* Sized by the table's own width (a container query), not the window: the sidebar takes a share of it. */
  @container (max-width: 760px) {
    th.opt, td.opt { display: none; }
    .desc-inline { display: block; }
  }
`;
