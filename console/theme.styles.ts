// Shared design tokens and primitives (buttons, fields, badges, cards) adopted by every element.
import { css } from 'lit';

export const theme = css`
  :host {
    --p-bg: #f4f5f8;
    --p-surface: #ffffff;
    --p-border: #e1e4ec;
    --p-text: #1c2333;
    --p-muted: #5b6478;
    --p-accent: #4f46e5;
    --p-accent-strong: #4338ca;
    --p-accent-soft: #eef0ff;
    --p-danger: #c62f3b;
    --p-danger-soft: #fdecee;
    --p-ok: #13795b;
    --p-ok-soft: #e3f6ef;
    --p-warn: #b45309;
    --p-warn-soft: #fff4e0;
    --p-radius: 10px;
    --p-shadow: 0 1px 2px rgb(16 24 40 / 6%), 0 1px 3px rgb(16 24 40 / 10%);
    --p-focus: 0 0 0 3px rgb(79 70 229 / 35%);
    font: 14px/1.45 system-ui, -apple-system, 'Segoe UI', Roboto, Ubuntu, sans-serif;
    color: var(--p-text);
    box-sizing: border-box;
  }
  *, *::before, *::after { box-sizing: inherit; }
  :focus-visible { outline: 2px solid var(--p-accent); outline-offset: 2px; }
  [hidden] { display: none !important; }
  h1, h2, h3 { margin: 0; line-height: 1.25; }
  h1 { font-size: 20px; font-weight: 650; }
  h2 { font-size: 16px; font-weight: 650; }
  h3 { font-size: 13px; font-weight: 650; text-transform: uppercase; letter-spacing: .04em; color: var(--p-muted); }

  .btn {
    display: inline-flex; align-items: center; justify-content: center; gap: 6px;
    min-height: 34px; padding: 0 14px; border-radius: 8px; border: 1px solid var(--p-border);
    background: var(--p-surface); color: var(--p-text); font: inherit; font-weight: 550; cursor: pointer;
    white-space: nowrap; transition: background .12s, border-color .12s;
  }
  .btn:hover:not(:disabled) { background: #f7f8fb; border-color: #cdd2de; }
  .btn:focus-visible { outline: none; box-shadow: var(--p-focus); }
  .btn:disabled { opacity: .55; cursor: not-allowed; }
  .btn.primary { background: var(--p-accent); border-color: var(--p-accent); color: #fff; }
  .btn.primary:hover:not(:disabled) { background: var(--p-accent-strong); }
  .btn.danger { color: var(--p-danger); }
  .btn.danger.solid { background: var(--p-danger); border-color: var(--p-danger); color: #fff; }
  .btn.small { min-height: 28px; padding: 0 10px; font-size: 13px; }
  .btn.ghost { border-color: transparent; background: transparent; }

  label.field, .field { display: grid; gap: 4px; font-weight: 550; font-size: 13px; }
  input, select, textarea {
    font: inherit; color: inherit; border: 1px solid var(--p-border); border-radius: 8px;
    padding: 7px 10px; background: #fff; min-height: 34px; width: 100%; font-weight: 400;
  }
  textarea { resize: vertical; }
  input:focus-visible, select:focus-visible, textarea:focus-visible { outline: none; border-color: var(--p-accent); box-shadow: var(--p-focus); }

  .card { background: var(--p-surface); border: 1px solid var(--p-border); border-radius: var(--p-radius); box-shadow: var(--p-shadow); }

  .badge {
    display: inline-flex; align-items: center; gap: 5px; padding: 1px 8px; border-radius: 999px;
    font-size: 12px; font-weight: 600; line-height: 20px; white-space: nowrap; background: #eef0f4; color: var(--p-muted);
  }
  .badge::before { content: ''; width: 6px; height: 6px; border-radius: 50%; background: currentColor; }
  .badge.plain::before { display: none; }
  .urgency-low { background: #eef0f4; color: #5b6478; }
  .urgency-medium { background: #e7f0ff; color: #2458c6; }
  .urgency-high { background: var(--p-warn-soft); color: var(--p-warn); }
  .urgency-urgent { background: var(--p-danger-soft); color: var(--p-danger); }
  .status-open { background: #e7f0ff; color: #2458c6; }
  .status-assigned { background: var(--p-ok-soft); color: var(--p-ok); }
  .status-rejected { background: var(--p-danger-soft); color: var(--p-danger); }
  .status-closed { background: #eef0f4; color: #5b6478; }
  .count { min-width: 20px; justify-content: center; background: var(--p-accent); color: #fff; }
  .count::before { display: none; }

  .muted { color: var(--p-muted); }
  .error-text { color: var(--p-danger); }
  .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
`;
