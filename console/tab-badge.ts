// The unread count where an agent on another tab sees it: the tab title and the favicon.

/** "(3) My tickets · Parley"; no count when nothing is unread. */
export function tabTitle(page: string, unread: number): string {
  return `${unread > 0 ? `(${unread > 99 ? '99+' : unread}) ` : ''}${page} · Parley`;
}

/** The console's mark as an SVG data URL, with a red count badge when something is unread. */
export function faviconUrl(unread: number): string {
  const label = unread > 9 ? '9+' : String(unread);
  const badge = unread > 0
    ? `<circle cx="23" cy="9" r="9" fill="#dc2626"/><text x="23" y="13" font-size="${label.length > 1 ? 10 : 13}" text-anchor="middle" fill="#fff" font-family="sans-serif" font-weight="700">${label}</text>`
    : '';
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect x="1" y="3" width="28" height="28" rx="7" fill="#4f46e5"/><text x="15" y="25" font-size="20" text-anchor="middle" fill="#fff" font-family="sans-serif" font-weight="800">P</text>${badge}</svg>`;
  return `data:image/svg+xml,${encodeURIComponent(svg)}`;
}

/** Puts the count in the document's title and favicon (creating the icon link when the page has none). */
export function showUnread(doc: Document, page: string, unread: number): void {
  doc.title = tabTitle(page, unread);
  let link = doc.querySelector<HTMLLinkElement>('link[rel="icon"]');
  if (!link) {
    link = doc.createElement('link');
    link.rel = 'icon';
    doc.head.append(link);
  }
  const href = faviconUrl(unread);
  if (link.getAttribute('href') !== href) link.href = href;
}
