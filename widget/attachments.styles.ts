// The attachments' CSS (tray, thumbnails, file rows, lightbox), shipped in their chunk and adopted
// by the shadow root once (adopt-styles.ts).
export default `
.tray {
  margin: 0;
  padding: 6px 12px;
  list-style: none;
  background: var(--card);
  border-top: 1px solid var(--line);
}
.tray li, .why {
  display: flex;
  flex-wrap: wrap;
  align-items: center;
  gap: 0 8px;
}
.fname {
  flex: 1;
  overflow: hidden;
  text-overflow: ellipsis;
  white-space: nowrap;
}
.tray progress, .why {
  flex-basis: 100%;
}
.why .error {
  flex: 1;
  background: none;
}
.tray button {
  color: var(--parley-accent);
}
.files {
  display: flex;
  flex-wrap: wrap;
  gap: 6px;
  margin-top: 4px;
  white-space: normal;
}
.thumb, .file {
  max-width: 100%;
  border-radius: 8px;
}
.thumb {
  padding: 0;
  overflow: hidden;
  cursor: zoom-in;
}
img {
  display: block;
  max-width: 100%;
  height: auto;
}
.file {
  display: flex;
  flex-direction: column;
  padding: 6px 10px;
  border: 1px solid var(--line);
  color: inherit;
  text-align: start;
}
.file small {
  color: inherit;
}
.lightbox {
  position: fixed;
  inset: 0;
  z-index: 2;
  display: flex;
  align-items: center;
  justify-content: center;
  padding: 44px 12px 12px;
  background: #000d;
}
.lightbox img {
  width: auto;
  max-height: 100%;
  object-fit: contain;
}
.lightbox button {
  position: absolute;
  top: 4px;
  inset-inline-end: 4px;
  color: #fff;
}
`;
