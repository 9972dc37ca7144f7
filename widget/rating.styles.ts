// The rating form's CSS, shipped in its chunk. A star lights up when it or a later one is checked.
export default `
.stars {
  display: flex;
  gap: 4px;
}
.stars label {
  margin: 0;
  cursor: pointer;
}
.stars input {
  position: absolute;
  opacity: 0;
}
.stars span {
  font-size: 28px;
  color: #ccd;
}
.stars label:has(~ label :checked) span,
.stars label:has(:checked) span,
.stars label:hover span {
  color: #f59e0b;
}
.stars :focus-visible + span {
  outline: 2px solid var(--parley-accent);
}
.rate textarea {
  width: 100%;
  box-sizing: border-box;
}
`;
