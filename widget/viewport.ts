// Keeps the full-screen panel (phones) inside the visual viewport, so the on-screen keyboard never
// covers the composer and a host page wider than the screen does not push it aside: the CSS reads
// these variables under its narrow-screen rule.
// For the page's lifetime, like the widget itself: nothing removes these listeners.
export function trackViewport(host: HTMLElement): void {
  const vv = host.ownerDocument.defaultView?.visualViewport;
  if (!vv) return;
  const update = () => {
    for (const [name, value] of [['top', vv.offsetTop], ['left', vv.offsetLeft], ['width', vv.width], ['height', vv.height]] as const) {
      host.style.setProperty(`--parley-vv-${name}`, `${value}px`);
    }
  };
  update();
  vv.addEventListener('resize', update);
  vv.addEventListener('scroll', update);
}
