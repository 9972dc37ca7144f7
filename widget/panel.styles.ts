// The panel's CSS, added to the shadow root when the app loads. Logical properties (inline-start/end)
// make the layout mirror under dir="rtl". Minified at build time; kept lean for the size budget.
export default `
/* Dark follows the page's preference unless the site owner fixed a theme (data-theme). */
.panel {
  color-scheme: light dark;
  /* Custom property values (and var() fallbacks) are kept verbatim by the minifier: written without spaces. */
  --bg:light-dark(#f6f6fa,#16161d);
  --card:light-dark(#fff,#23232d);
  --fg:light-dark(#223,#e8e8f0);
  --muted:light-dark(#5c5c6e,#a6a6b8);
  --line:light-dark(#dcdce6,#3a3a48);
  position: fixed;
  bottom: 88px;
  right: 20px;
  width: 380px;
  height: min(640px, calc(100vh - 110px));
  display: flex;
  flex-direction: column;
  background: var(--bg);
  border-radius: 16px;
  box-shadow: 0 9px 40px #0004;
  overflow: hidden;
  font: 15px/1.45 system-ui, sans-serif;
  color: var(--fg);
}
:host([data-position=left]) .panel {
  right: auto;
  left: 20px;
}
header, .row, .composer {
  display: flex;
  align-items: center;
  gap: 8px;
}
header, .mine .bubble, .primary {
  background: var(--parley-accent);
  color: #fff;
}
header {
  padding: 12px;
}
.head, .row b, .composer textarea {
  flex: 1;
}
h2, p {
  margin: 0;
  font-size: 17px;
}
small, .note, .meta, .banner {
  font-size: 13px;
  color: var(--muted);
}
header small {
  color: #fff;
}
button {
  font: inherit;
  color: inherit;
  border: 0;
  background: none;
}
.icon {
  width: 36px;
  height: 36px;
}
svg {
  width: 20px;
  fill: none;
  stroke: currentColor;
  stroke-width: 2;
}
:focus-visible {
  outline: 2px solid var(--parley-accent);
  outline-offset: 1px;
}
header :focus-visible {
  outline-color: #fff;
}
[dir=rtl] .flip {
  transform: scaleX(-1);
}
.body {
  flex: 1;
  overflow-y: auto;
  padding: 16px;
}
.banner {
  padding: 8px 16px;
  background: var(--line);
}
.error, .failed .bubble {
  background: #fdd;
  color: #a11;
}
.banner:empty {
  display: none;
}
.note, .ticket, .bubble, .summary {
  display: block;
  margin-bottom: 8px;
  padding: 10px 14px;
  border-radius: 12px;
  background: var(--card);
  border: 1px solid var(--line);
  text-align: start;
  width: 100%;
  box-sizing: border-box;
  white-space: pre-wrap;
  overflow-wrap: anywhere;
}
.primary {
  width: 100%;
  padding: 12px;
  margin: 14px 0;
  border-radius: 10px;
}
:disabled {
  opacity: .5;
}
.pill {
  padding: 2px 8px;
  border-radius: 9px;
  font-size: 12px;
  background: #e3e6ff;
  color: #223;
}
.assigned {
  background: #d6f5df;
}
.rejected {
  background: #fdd;
}
.closed {
  background: #e6e6ea;
}
select, textarea, .body [type=email] {
  background: var(--card);
  color: inherit;
  box-sizing: border-box;
  width: 100%;
  padding: 10px;
  border: 1px solid var(--line);
  border-radius: 10px;
  font: inherit;
  font-size: 16px;
  resize: none;
}
.summary {
  margin: 0;
  border-radius: 0;
}
.msg {
  position: relative;
  max-width: 80%;
}
.msg:not(.mine) {
  padding-inline-start: 36px;
}
.msg .face {
  position: absolute;
  inset-inline-start: 0;
  bottom: 20px;
  width: 26px;
  height: 26px;
  line-height: 26px;
  border-color: var(--line);
}
.day {
  margin: 12px 0 4px;
  text-align: center;
  font-size: 12px;
  color: var(--muted);
}
.mine {
  margin-inline-start: auto;
  text-align: end;
}
.bubble {
  margin: 8px 0 2px;
}
.mine a {
  color: inherit;
}
.typing {
  padding: 0 16px;
}
.composer {
  padding: 10px 12px;
  background: var(--card);
}
.composer button {
  color: var(--parley-accent);
}
[data-theme=light] {
  color-scheme: light;
}
[data-theme=dark] {
  color-scheme: dark;
}
.faces {
  display: flex;
}
.face {
  width: 30px;
  height: 30px;
  margin-inline-end: -8px;
  border: 2px solid var(--parley-accent);
  border-radius: 50%;
  background: #fff;
  color: #223;
  font: 700 12px/30px system-ui, sans-serif;
  text-align: center;
}
.face:last-child {
  margin-inline-end: 4px;
}
.dots i {
  display: inline-block;
  width: 5px;
  height: 5px;
  margin-inline-end: 3px;
  border-radius: 50%;
  background: currentColor;
  animation: parley-dot 1s infinite alternate;
}
.dots i + i {
  animation-delay: .2s;
}
.dots i + i + i {
  animation-delay: .4s;
}
@keyframes parley-dot {
  to {
    opacity: .2;
    transform: translateY(-3px);
  }
}
.chat {
  scroll-behavior: smooth;
}
.jump {
  position: sticky;
  bottom: 0;
  display: block;
  margin: auto;
  box-shadow: 0 2px 8px #0003;
}
@media (prefers-reduced-motion: reduce) {
  .dots i {
    animation: none;
  }
  .chat {
    scroll-behavior: auto;
  }
}
@media (max-width: 480px) {
  :host([data-position]) .panel {
    inset: var(--parley-vv-top,0) auto auto var(--parley-vv-left,0);
    width: var(--parley-vv-width,100%);
    height: var(--parley-vv-height,100%);
    border-radius: 0;
  }
}
`;
