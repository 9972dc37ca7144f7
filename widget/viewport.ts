// Keeps the full-screen panel (phones) inside the visual viewport, so the on-screen keyboard never
// covers the composer: the CSS reads these two variables under its narrow-screen rule.
export function trackViewport(host: HTMLElement): () => void {
  const vv = host.ownerDocument.defaultView?.visualViewport;
  if (!vv) return () => {};
  const update = () => {
    host.style.setProperty('--parley-vv-height', `${vv.height}px`);
    host.style.setProperty('--parley-vv-top', `${vv.offsetTop}px`);
  };
  update();
  vv.addEventListener('resize', update);
  vv.addEventListener('scroll', update);
  return () => {
    vv.removeEventListener('resize', update);
    vv.removeEventListener('scroll', update);
  };
}
