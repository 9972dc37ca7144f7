import { css } from 'lit';

export const styles = css`
  :host { display: grid; grid-template-rows: auto 1fr; min-height: 0; height: 100%; }
  header { display: flex; align-items: center; gap: 12px; padding: 10px 16px; border-bottom: 1px solid var(--p-border); background: var(--p-surface); }
  header h1 { font-size: 17px; flex: 1; min-width: 0; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
  .split { display: grid; grid-template-columns: minmax(280px, 360px) 1fr; min-height: 0; }
  .side { border-right: 1px solid var(--p-border); background: var(--p-surface); min-height: 0; overflow-y: auto; }
  parley-ticket-details { overflow: visible; }
  parley-label-editor { padding: 16px 18px 0; }
  .conversation { display: grid; grid-template-rows: 1fr auto; min-height: 0; }
  parley-message-list { min-height: 0; }
  /* Files dragged over the conversation: it says where they go. */
  .conversation.dropping { outline: 2px dashed var(--p-accent); outline-offset: -6px; background: var(--p-accent-soft); }
  .actions { display: flex; flex-wrap: wrap; gap: 8px; }
  .confirm { display: grid; gap: 8px; padding: 10px; border: 1px solid var(--p-border); border-radius: 8px; background: #fbfbfd; }
  @media (max-width: 760px) {
    .split { grid-template-columns: 1fr; grid-template-rows: auto 1fr; overflow-y: auto; }
    .side { border-right: none; border-bottom: 1px solid var(--p-border); max-height: 40vh; }
  }
`;
