// Layout shared by the admin management pages (members, sites): a list card beside a create form.
import { css } from 'lit';

export const adminStyles = css`
  :host { display: grid; grid-template-columns: minmax(0, 1fr) 340px; gap: 16px; align-items: start; }
  .card { overflow: hidden; }
  form.card { padding: 16px; display: grid; gap: 12px; }
  .head { padding: 14px 16px; border-bottom: 1px solid var(--p-border); display: flex; justify-content: space-between; align-items: center; gap: 8px; }
  table { width: 100%; border-collapse: collapse; }
  th, td { padding: 10px 14px; text-align: left; border-bottom: 1px solid var(--p-border); vertical-align: middle; }
  th { font-size: 12px; text-transform: uppercase; letter-spacing: .03em; color: var(--p-muted); background: #fafbfc; }
  td select { width: auto; min-width: 112px; }
  .row-actions { display: flex; gap: 6px; justify-content: flex-end; }
  .error { padding: 8px 12px; border-radius: 8px; background: var(--p-danger-soft); color: var(--p-danger); font-weight: 550; }
  .ok { padding: 8px 12px; border-radius: 8px; background: var(--p-ok-soft); color: var(--p-ok); font-weight: 550; overflow-wrap: anywhere; }
  .hint { font-size: 12px; color: var(--p-muted); font-weight: 400; }
  code, pre { font: 12.5px/1.5 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
  pre { margin: 0; padding: 10px 12px; background: #161b2e; color: #e4e7f5; border-radius: 8px; white-space: pre-wrap; overflow-wrap: anywhere; }
  @media (max-width: 1000px) { :host { grid-template-columns: 1fr; } }
`;
