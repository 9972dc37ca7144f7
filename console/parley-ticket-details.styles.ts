import { css } from 'lit';

export const styles = css`
  :host { display: block; overflow-y: auto; }
  section { padding: 18px; display: grid; gap: 16px; }
  .top { display: flex; flex-wrap: wrap; gap: 6px; align-items: center; }
  dl { margin: 0; display: grid; grid-template-columns: auto 1fr; gap: 8px 14px; }
  dt { color: var(--p-muted); font-size: 13px; }
  dd { margin: 0; font-weight: 550; overflow-wrap: anywhere; }
  .desc { white-space: pre-wrap; overflow-wrap: anywhere; background: #f7f8fb; border: 1px solid var(--p-border); border-radius: 8px; padding: 10px 12px; margin: 0; }
  ol { list-style: none; margin: 0; padding: 0 0 0 14px; border-left: 2px solid var(--p-border); display: grid; gap: 10px; }
  li { position: relative; }
  li::before { content: ''; position: absolute; left: -20px; top: 5px; width: 10px; height: 10px; border-radius: 50%; background: var(--p-surface); border: 2px solid var(--p-accent); }
  li.reject::before { border-color: var(--p-danger); }
  li.close::before { border-color: var(--p-muted); }
  .ev { font-weight: 600; }
  .when { color: var(--p-muted); font-size: 12px; }
  .reason { color: var(--p-muted); font-style: italic; overflow-wrap: anywhere; }
  .rating span { color: #b45309; letter-spacing: 1px; }
  .rating q { display: block; font-weight: 400; white-space: pre-wrap; }
  .actions { display: flex; flex-wrap: wrap; gap: 8px; }
`;
