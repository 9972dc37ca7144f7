// The launcher's CSS (the only CSS in widget.js). Minified at build time.
export default `
:host {
  --parley-accent: #4f46e5;
}
.launcher {
  position: fixed;
  bottom: 20px;
  right: 20px;
  width: 56px;
  height: 56px;
  border: 0;
  border-radius: 50%;
  padding: 0;
  background: var(--parley-accent);
  color: #fff;
  box-shadow: 0 6px 20px rgba(20, 20, 50, .28);
  cursor: pointer;
  transition: transform .15s ease;
}
:host([data-position=left]) .launcher {
  right: auto;
  left: 20px;
}
.launcher:hover {
  transform: scale(1.06);
}
.launcher:focus-visible {
  outline: 3px solid #fff;
  box-shadow: 0 0 0 6px var(--parley-accent);
}
svg {
  width: 28px;
  height: 28px;
  fill: none;
  stroke: currentColor;
  stroke-width: 2;
  stroke-linecap: round;
  stroke-linejoin: round;
  vertical-align: middle;
}
.open .i-chat,
.launcher:not(.open) .i-close {
  display: none;
}
.badge {
  position: absolute;
  top: -4px;
  right: -4px;
  min-width: 22px;
  height: 22px;
  padding: 0 6px;
  box-sizing: border-box;
  border-radius: 11px;
  background: #e11d48;
  color: #fff;
  font: 700 12px/22px system-ui, sans-serif;
  border: 2px solid #fff;
}
[hidden] {
  display: none;
}
@media (max-width: 480px) {
  .launcher.open {
    display: none;
  }
}
@media (prefers-reduced-motion: reduce) {
  .launcher {
    transition: none;
  }
}
`;
