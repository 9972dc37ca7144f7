import type { Scope } from '../../protocol/index.ts';
import { forbidden } from '../errors.ts';
import { mw } from './state.ts';

/**
 * What an API token may call, and the scope each call needs. Anything not listed is refused to a
 * token (default deny), so a new route is closed to integrations until someone decides otherwise.
 * `scopes`: every one is needed (search quotes messages, so it takes both reads); `[]`: any valid
 * token (public documents).
 */
export const TOKEN_ROUTES: readonly { method: string; path: string; scopes: readonly Scope[] }[] = [
  { method: 'GET', path: '/api/tickets', scopes: ['tickets:read'] },
  { method: 'GET', path: '/api/tickets/:id', scopes: ['tickets:read'] },
  { method: 'GET', path: '/api/tickets/:id/events', scopes: ['tickets:read'] },
  { method: 'GET', path: '/api/tickets/:id/rating', scopes: ['tickets:read'] },
  { method: 'GET', path: '/api/search', scopes: ['tickets:read', 'messages:read'] },
  { method: 'POST', path: '/api/tickets/:id/reject', scopes: ['tickets:write'] },
  { method: 'POST', path: '/api/tickets/:id/close', scopes: ['tickets:write'] },
  { method: 'PUT', path: '/api/tickets/:id/labels', scopes: ['tickets:write'] },
  { method: 'GET', path: '/api/tickets/:id/messages', scopes: ['messages:read'] },
  { method: 'POST', path: '/api/tickets/:id/messages', scopes: ['messages:write'] },
  { method: 'GET', path: '/api/customers/:id', scopes: ['customers:read'] },
  { method: 'GET', path: '/api/users', scopes: ['users:read'] },
  { method: 'GET', path: '/api/openapi.json', scopes: [] },
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
    const missing = rule.scopes.find((s) => !actor.scopes.includes(s));
    if (missing) throw forbidden(`this token lacks the ${missing} scope`);
  }
  await next();
});
