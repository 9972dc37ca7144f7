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
  box-shadow: 0 12px 48px #14143240;
  overflow: hidden;
  font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  color: #1d2030;
}
:host([data-position=left]) .panel {
  right: auto;
  left: 20px;
}
header {
  display: flex;
  align-items: center;
  gap: 8px;
  padding: 14px 12px;
  background: var(--parley-accent);
  color: #fff;
}
.head {
  flex: 1;
  padding-inline-start: 6px;
}
h2, .sub {
  margin: 0;
  font-size: 17px;
}
.sub {
  font-size: 13px;
}
.dot {
  display: inline-block;
  width: 8px;
  height: 8px;
  border-radius: 50%;
  background: #cbd5e1;
  margin-inline-end: 6px;
}
.on {
  background: #4ade80;
}
button {
  font: inherit;
  color: inherit;
  cursor: pointer;
  border: 0;
  background: none;
}
.icon {
  width: 36px;
  height: 36px;
  border-radius: 50%;
}
.icon:hover {
  background: #fff3;
}
svg {
  width: 20px;
  height: 20px;
  fill: none;
  stroke: currentColor;
  stroke-width: 2;
  stroke-linecap: round;
  vertical-align: middle;
}
[dir=rtl] .flip {
  transform: scaleX(-1);
}
:focus-visible {
  outline: 2px solid var(--parley-accent);
  outline-offset: 2px;
}
header :focus-visible {
  outline-color: #fff;
}
.body {
  flex: 1;
  overflow-y: auto;
  padding: 16px;
}
.banner, .error {
  margin: 0;
  padding: 10px 16px;
  font-size: 14px;
  background: #eef2ff;
}
.error, .failed .bubble {
  background: #fee2e2;
  color: #991b1b;
}
.banner:empty {
  display: none;
}
.note, .ticket, .summary, .bubble {
  display: block;
  margin: 0 0 8px;
  padding: 10px 14px;
  border-radius: 12px;
  background: #fff;
  border: 1px solid #e5e7eb;
  text-align: start;
  width: 100%;
  box-sizing: border-box;
}
.note, .desc, .muted, .summary p, .meta, h3 {
  color: #64748b;
  font-size: 14px;
}
.greet {
  margin: 0;
  font-size: 20px;
  font-weight: 600;
}
.primary, .send {
  width: 100%;
  padding: 12px;
  margin: 14px 0;
  border-radius: 10px;
  background: var(--parley-accent);
  color: #fff;
  font-weight: 600;
}
:disabled {
  opacity: .5;
}
h3 {
  margin: 8px 0;
  font-size: 13px;
  text-transform: uppercase;
}
ul {
  list-style: none;
  margin: 0;
  padding: 0;
}
.ticket:hover {
  border-color: var(--parley-accent);
}
.row {
  display: flex;
  gap: 8px;
  align-items: center;
}
.row strong {
  flex: 1;
}
.desc {
  display: block;
  white-space: nowrap;
  overflow: hidden;
  text-overflow: ellipsis;
}
.pill, .count {
  padding: 2px 8px;
  border-radius: 99px;
  font-size: 12px;
  font-weight: 600;
  background: #e0e7ff;
}
.assigned {
  background: #dcfce7;
}
.rejected {
  background: #fee2e2;
}
.closed {
  background: #e5e7eb;
}
.count {
  background: #e11d48;
  color: #fff;
}
label, legend {
  display: block;
  margin: 12px 0 6px;
  font-weight: 600;
  font-size: 14px;
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
  border: 1px solid #cbd5e1;
  border-radius: 10px;
  font: inherit;
  font-size: 16px;
  resize: none;
}
[aria-invalid=true] {
  border-color: #dc2626;
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
  accent-color: var(--parley-accent);
}
.field-error {
  margin: 6px 0;
  color: #b91c1c;
}
.summary {
  margin: 0;
  border-radius: 0;
  border-width: 0 0 1px;
}
.summary p {
  margin: 6px 0 0;
  max-height: 4.2em;
  overflow-y: auto;
}
.msg {
  max-width: 80%;
}
.mine {
  margin-inline-start: auto;
}
.bubble {
  margin: 8px 0 2px;
  border-end-start-radius: 4px;
  white-space: pre-wrap;
  overflow-wrap: anywhere;
}
.mine .bubble {
  border-radius: 12px 12px 4px;
  background: var(--parley-accent);
  color: #fff;
}
[dir=rtl] .mine .bubble {
  border-radius: 12px 12px 12px 4px;
}
.mine a {
  color: inherit;
}
.meta {
  font-size: 12px;
}
.mine .meta {
  text-align: end;
}
.link {
  color: #b91c1c;
  text-decoration: underline;
}
.typing {
  min-height: 18px;
  padding: 0 16px;
  font-size: 13px;
}
.composer {
  display: flex;
  gap: 8px;
  padding: 10px 12px;
  background: #fff;
  border-top: 1px solid #e5e7eb;
}
.composer textarea {
  max-height: 120px;
}
.send {
  flex: none;
  width: 42px;
  height: 42px;
  margin: 0;
  padding: 0;
  border-radius: 50%;
}
.sr {
  position: absolute;
  clip: rect(0 0 0 0);
}
@media (max-width: 480px) {
  :host([data-position]) .panel {
    inset: var(--parley-vv-top, 0) 0 auto 0;
    width: 100%;
    height: var(--parley-vv-height, 100%);
    border-radius: 0;
  }
}
`;
