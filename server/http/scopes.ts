import type { Scope } from '../../protocol/index.ts';
import { forbidden } from '../errors.ts';
import { mw } from './state.ts';

/**
 * What an API token may call, and the scope each call needs. Anything not listed is refused to a
 * token (default deny), so a new route is closed to integrations until someone decides otherwise.
 * `null`: any valid token (public documents).
 */
export const TOKEN_ROUTES: readonly { method: string; path: string; scope: Scope | null }[] = [
  { method: 'GET', path: '/api/tickets', scope: 'tickets:read' },
  { method: 'GET', path: '/api/tickets/:id', scope: 'tickets:read' },
  { method: 'GET', path: '/api/tickets/:id/events', scope: 'tickets:read' },
  { method: 'GET', path: '/api/tickets/:id/rating', scope: 'tickets:read' },
  { method: 'GET', path: '/api/search', scope: 'tickets:read' },
  { method: 'POST', path: '/api/tickets/:id/reject', scope: 'tickets:write' },
  { method: 'POST', path: '/api/tickets/:id/close', scope: 'tickets:write' },
  { method: 'PUT', path: '/api/tickets/:id/labels', scope: 'tickets:write' },
  { method: 'GET', path: '/api/tickets/:id/messages', scope: 'messages:read' },
  { method: 'POST', path: '/api/tickets/:id/messages', scope: 'messages:write' },
  { method: 'GET', path: '/api/customers/:id', scope: 'customers:read' },
  { method: 'GET', path: '/api/users', scope: 'users:read' },
  { method: 'GET', path: '/api/openapi.json', scope: null },
];

const compiled = TOKEN_ROUTES.map((r) => ({
  ...r,
  re: new RegExp(`^${r.path.replace(/\./g, '\\.').replace(/:[a-z]+/gi, '[^/]+')}/?$`),
}));

/** The rule for a request, or undefined when tokens may not call it at all. */
export function tokenRoute(method: string, path: string) {
  const m = method === 'HEAD' ? 'GET' : method;
  return compiled.find((r) => r.method === m && r.re.test(path));
}

/** Holds integration actors to `TOKEN_ROUTES`; people are governed by their role further in. */
export const scopes = mw(async (ctx, next) => {
  const actor = ctx.state.actor;
  if (actor?.kind === 'integration') {
    const rule = tokenRoute(ctx.method, ctx.path);
    if (!rule) throw forbidden('API tokens cannot use this endpoint');
    if (rule.scope && !actor.scopes.includes(rule.scope)) throw forbidden(`this token lacks the ${rule.scope} scope`);
  }
  await next();
});
