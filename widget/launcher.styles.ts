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
  background: var(--parley-accent);
  color: #fff;
  box-shadow: 0 4px 16px #0004;
  cursor: pointer;
}
:host([data-position=left]) .launcher {
  right: auto;
  left: 20px;
}
.launcher:focus-visible {
  outline: 3px solid var(--parley-accent);
  outline-offset: 3px;
}
/* Every rule is scoped to .launcher: the panel shares this shadow root and its classes (.open is a
   status pill there) must not match. */
.launcher svg {
  width: 28px;
  fill: none;
  stroke: currentColor;
  stroke-width: 2;
}
.launcher.open .i-chat,
.launcher:not(.open) .i-close,
.launcher [hidden] {
  display: none;
}
.launcher .badge {
  position: absolute;
  top: -4px;
  right: -4px;
  min-width: 22px;
  border-radius: 11px;
  background: #e11d48;
  font: 700 12px/22px system-ui, sans-serif;
}
@media (max-width: 480px) {
  .launcher.open {
    display: none;
  }
}
`;
