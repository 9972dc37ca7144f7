import { css } from 'lit';

export const styles = css`
  :host { display: grid; gap: 16px; }
  .grid { display: grid; grid-template-columns: repeat(4, minmax(0, 1fr)); gap: 16px; }
  .wide { grid-column: span 2; }
  .card { padding: 16px; display: grid; gap: 8px; align-content: start; }
  .figure { font-size: 28px; font-weight: 700; font-variant-numeric: tabular-nums; line-height: 1.1; }
  .sub { font-size: 12px; color: var(--p-muted); }
  parley-sparkline { height: 48px; }
  .bars { display: grid; gap: 8px; }
  .bar-row { display: grid; grid-template-columns: 80px 1fr 40px; gap: 10px; align-items: center; font-size: 13px; }
  .track { height: 10px; background: #eef0f4; border-radius: 999px; overflow: hidden; }
  .fill { height: 100%; border-radius: 999px; background: var(--p-accent); transition: width .3s; }
  .fill.open { background: #2458c6; } .fill.assigned { background: var(--p-ok); } .fill.rejected { background: var(--p-danger); } .fill.closed { background: #8a92a6; }
  .num { text-align: right; font-variant-numeric: tabular-nums; font-weight: 600; }
  .health { display: flex; align-items: center; gap: 8px; font-weight: 600; }
  .dot { width: 10px; height: 10px; border-radius: 50%; background: var(--p-ok); box-shadow: 0 0 0 3px var(--p-ok-soft); }
  .dot.bad { background: var(--p-danger); box-shadow: 0 0 0 3px var(--p-danger-soft); }
  .head { display: flex; justify-content: space-between; align-items: baseline; gap: 8px; }
  .axis { display: flex; justify-content: space-between; font-size: 11px; color: var(--p-muted); }
  .stale { color: var(--p-warn); font-weight: 600; font-size: 13px; }
  .tables { display: grid; grid-template-columns: repeat(3, minmax(0, 1fr)); gap: 16px; }
  .csat table { width: 100%; border-collapse: collapse; font-size: 13px; }
  .csat caption { text-align: start; font-weight: 600; padding-bottom: 4px; }
  .csat th, .csat td { text-align: start; padding: 3px 6px 3px 0; font-variant-numeric: tabular-nums; }
  .csat tbody th { font-weight: 500; overflow-wrap: anywhere; }
  #mpm { color: #0f766e; }
  #lag { color: #b45309; }
  #mem { color: #7c3aed; }
  @media (max-width: 1100px) { .grid { grid-template-columns: repeat(2, minmax(0, 1fr)); } }
`;
