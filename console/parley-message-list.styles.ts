import { css } from 'lit';

export const styles = css`
  :host { display: block; overflow-y: auto; padding: 16px 18px; background: #fafbfd; }
  ol { list-style: none; margin: 0; padding: 0; display: grid; gap: 10px; }
  li { display: grid; justify-items: start; max-width: 78%; }
  li.mine { justify-self: end; justify-items: end; }
  /* A run of one author's messages sits closer together than separate turns. */
  li.cont { margin-top: -7px; }
  li.day { justify-self: stretch; max-width: none; display: flex; align-items: center; gap: 10px; color: var(--p-muted); font-size: 12px; font-weight: 600; margin: 6px 0; }
  li.day::before, li.day::after { content: ''; flex: 1; border-top: 1px solid var(--p-border); }
  li.system { justify-self: center; justify-items: center; max-width: 90%; }
  .meta { font-size: 12px; color: var(--p-muted); margin: 0 4px 3px; }
  .bubble { padding: 8px 12px; border-radius: 14px; background: var(--p-surface); border: 1px solid var(--p-border); white-space: pre-wrap; overflow-wrap: anywhere; }
  li.mine .bubble { background: var(--p-accent); border-color: var(--p-accent); color: #fff; border-bottom-right-radius: 4px; }
  .bubble a { color: inherit; text-decoration: underline; overflow-wrap: anywhere; }
  li.theirs .bubble { border-bottom-left-radius: 4px; }
  li.system .bubble { background: transparent; border: none; color: var(--p-muted); font-size: 13px; font-style: italic; }
  li.staff .bubble { background: #eef6f2; border-color: #cfe7dc; }
  /* A note is staff-only: full width, amber and dashed, never on the customer's side or the viewer's. */
  li.note { justify-self: stretch; max-width: none; justify-items: stretch; }
  li.note .bubble { background: #fff8e1; border: 1px dashed #d9a400; color: #3d2f00; border-radius: 10px; }
  .note-label { font-weight: 700; color: #7a5b00; text-transform: uppercase; letter-spacing: .03em; font-size: 11px; }
  .files { display: grid; gap: 6px; margin-top: 4px; justify-items: inherit; }
  li.note .files { justify-items: start; }
  .state { font-size: 12px; color: var(--p-muted); margin: 3px 4px 0; display: flex; gap: 6px; align-items: center; }
  .state.failed { color: var(--p-danger); font-weight: 600; }
  li.sending .bubble { opacity: .7; }
  .state button { all: unset; cursor: pointer; color: var(--p-accent); font-weight: 650; text-decoration: underline; border-radius: 4px; }
  .state button:focus-visible { box-shadow: var(--p-focus); }
  .typing { margin-top: 10px; color: var(--p-muted); font-size: 13px; display: flex; align-items: center; gap: 6px; min-height: 20px; }
  .dots span { display: inline-block; width: 5px; height: 5px; margin: 0 1px; border-radius: 50%; background: currentColor; animation: blink 1.2s infinite; }
  .dots span:nth-child(2) { animation-delay: .2s; }
  .dots span:nth-child(3) { animation-delay: .4s; }
  @keyframes blink { 0%, 80%, 100% { opacity: .25; } 40% { opacity: 1; } }
  @media (prefers-reduced-motion: reduce) { .dots span { animation: none; } }
`;
