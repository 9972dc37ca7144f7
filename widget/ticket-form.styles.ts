// The new-ticket form's CSS, shipped in its chunk (widget-ticket-form.js) with the form.
export default `
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
  border: 1px solid var(--line);
  border-radius: 8px;
  background: var(--card);
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
.check {
  display: flex;
  gap: 8px;
  align-items: center;
  font-weight: 400;
}
.count-down {
  display: block;
  text-align: end;
}
`;
