// Hash routes, so the server only has to serve /console (deep links survive reloads).
export type Route =
  | { name: 'open' }
  | { name: 'mine' }
  | { name: 'ticket'; id: string }
  | { name: 'all' }
  | { name: 'monitoring' }
  | { name: 'members' }
  | { name: 'sites' }
  | { name: 'teams' }
  | { name: 'replies' }
  | { name: 'team-replies' }
  | { name: 'tokens' }
  | { name: 'webhooks' }
  | { name: 'outbox' }
  | { name: 'search'; q: string }
  | { name: 'inbox' };

export const ADMIN_ROUTES: ReadonlySet<Route['name']> = new Set(['all', 'inbox', 'monitoring', 'members', 'sites', 'teams', 'team-replies', 'tokens', 'webhooks', 'outbox']);

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#\/?/, '').split('/').filter(Boolean);
  switch (path[0]) {
    case 'mine':
      return { name: 'mine' };
    case 'replies':
      return { name: 'replies' };
    case 'search':
      return { name: 'search', q: path[1] ? safeDecode(path.slice(1).join('/')) : '' };
    case 'tickets':
      return path[1] ? { name: 'ticket', id: decodeURIComponent(path[1]) } : { name: 'open' };
    case 'admin':
      if (path[1] === 'monitoring' || path[1] === 'members' || path[1] === 'sites' || path[1] === 'teams' || path[1] === 'tokens' || path[1] === 'webhooks' || path[1] === 'outbox') return { name: path[1] };
      if (path[1] === 'replies') return { name: 'team-replies' };
      if (path[1] === 'inbox') return { name: 'inbox' };
      return { name: 'all' };
    default:
      return { name: 'open' };
  }
}

export function href(route: Route): string {
  switch (route.name) {
    case 'open': return '#/open';
    case 'mine': return '#/mine';
    case 'ticket': return `#/tickets/${encodeURIComponent(route.id)}`;
    case 'all': return '#/admin/tickets';
    case 'replies': return '#/replies';
    case 'team-replies': return '#/admin/replies';
    case 'search': return `#/search/${encodeURIComponent(route.q)}`;
    default: return `#/admin/${route.name}`;
  }
}

/** A hash part as typed or pasted: a stray `%` is kept as text rather than breaking the route. */
function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
