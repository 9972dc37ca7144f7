// The panel's CSS, added to the shadow root when the app loads. Logical properties (inline-start/end)
// make the layout mirror under dir="rtl". Minified at build time; kept lean for the size budget.
export default `
.panel {
  position: fixed;
  bottom: 88px;
  right: 20px;
  width: 380px;
  height: min(640px, calc(100vh - 110px));
  display: flex;
  flex-direction: column;
  background: #f6f6fa;
  border-radius: 16px;
  box-shadow: 0 9px 40px #0004;
  overflow: hidden;
  font: 15px/1.45 system-ui, sans-serif;
  color: #223;
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
  color: #667;
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
.greet {
  font-size: 20px;
  font-weight: 600;
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
  background: #eef;
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
  background: #fff;
  border: 1px solid #e4e4ec;
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
ul {
  padding: 0;
  list-style: none;
}
.ticket small {
  display: block;
  white-space: nowrap;
  overflow: hidden;
  text-overflow: ellipsis;
}
.pill {
  padding: 2px 8px;
  border-radius: 9px;
  font-size: 12px;
  background: #e3e6ff;
}
.assigned {
  background: #d6f5df;
}
.rejected, .count {
  background: #fdd;
}
.closed {
  background: #e6e6ea;
}
label, legend {
  display: block;
  margin: 12px 0 6px;
  padding: 0;
  font-weight: 600;
}
fieldset {
  border: 0;
  margin: 0;
  padding: 0;
}
select, textarea {
  box-sizing: border-box;
  width: 100%;
  padding: 10px;
  border: 1px solid #ccd;
  border-radius: 10px;
  font: inherit;
  font-size: 16px;
  resize: none;
}
[aria-invalid=true] {
  border-color: #d22;
}
.chips {
  display: flex;
  gap: 6px;
}
.chips label {
  flex: 1;
  margin: 0;
  font-weight: 400;
}
.chips input {
  position: absolute;
  opacity: 0;
}
.chips span {
  display: block;
  padding: 8px 0;
  border: 1px solid #ccd;
  border-radius: 8px;
  background: #fff;
  text-align: center;
}
:checked + span {
  background: var(--parley-accent);
  color: #fff;
}
:focus-visible + span {
  outline: 2px solid var(--parley-accent);
  outline-offset: 1px;
}
form .error {
  display: block;
  margin-top: 6px;
  background: none;
}
.summary {
  margin: 0;
  border-radius: 0;
}
.msg {
  max-width: 80%;
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
  background: #fff;
}
.composer button {
  color: var(--parley-accent);
}
@media (max-width: 480px) {
  :host([data-position]) .panel {
    inset: var(--parley-vv-top, 0) auto auto var(--parley-vv-left, 0);
    width: var(--parley-vv-width, 100%);
    height: var(--parley-vv-height, 100%);
    border-radius: 0;
  }
}
`;
