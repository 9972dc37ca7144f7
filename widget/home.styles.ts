// The home screen's CSS, shipped in its chunk (widget-home.js) with the screen.
export default `
.greet {
  font-size: 20px;
  font-weight: 600;
}
ul {
  padding: 0;
  list-style: none;
}
.ticket time {
  font-size: 12px;
  color: var(--muted);
}
.ticket small {
  display: block;
  white-space: nowrap;
  overflow: hidden;
  text-overflow: ellipsis;
}
.count {
  background: #fdd;
}
`;
