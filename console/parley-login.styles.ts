import { css } from 'lit';

export const styles = css`
  :host { display: grid; place-items: center; min-height: 100vh; padding: 24px; background: radial-gradient(1200px 600px at 20% -10%, #e4e7ff 0, transparent 60%), var(--p-bg); }
  form { width: min(380px, 100%); padding: 28px; display: grid; gap: 16px; }
  .brand { display: flex; align-items: center; gap: 10px; font-weight: 700; font-size: 18px; }
  .logo { width: 32px; height: 32px; border-radius: 9px; background: var(--p-accent); color: #fff; display: grid; place-items: center; font-weight: 800; }
  p { margin: 0; }
  .error { padding: 8px 12px; border-radius: 8px; background: var(--p-danger-soft); color: var(--p-danger); font-weight: 550; }
  .btn { width: 100%; min-height: 40px; }
`;
