import { css } from 'lit';

export const styles = css`
  :host { display: block; }
  .box { display: grid; justify-items: center; gap: 8px; padding: 40px 24px; text-align: center; color: var(--p-muted); }
  .icon { width: 44px; height: 44px; border-radius: 50%; display: grid; place-items: center; background: var(--p-accent-soft); color: var(--p-accent); font-size: 20px; }
  .error .icon { background: var(--p-danger-soft); color: var(--p-danger); }
  .heading { color: var(--p-text); font-weight: 650; font-size: 15px; }
  .spinner { width: 28px; height: 28px; border-radius: 50%; border: 3px solid var(--p-accent-soft); border-top-color: var(--p-accent); animation: spin .8s linear infinite; }
  @keyframes spin { to { transform: rotate(360deg); } }
  @media (prefers-reduced-motion: reduce) { .spinner { animation-duration: 3s; } }
`;
