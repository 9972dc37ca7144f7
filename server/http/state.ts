import type { Context, Middleware, Next } from 'koa';
import type { Actor } from '../domain/index.ts';
import type { Logger } from '../log.ts';
import type { Services } from '../services/index.ts';

/** What the middleware chain learns about a request, on `ctx.state`. */
export interface RequestState {
  services: Services;
  actor: Actor | null;
  /** Set for staff signed in by cookie. */
  sessionId: string | null;
  /** `Origin` if it is this server's own (or a configured console origin). */
  sameOrigin: boolean;
  origin: string | undefined;
  body: unknown;
  /** Logger whose lines carry this request's id. */
  log: Logger;
}

export type Ctx = Context & { state: RequestState };
export type Mw = (ctx: Ctx, next: Next) => Promise<void>;
export const mw = (fn: Mw): Middleware => fn as unknown as Middleware;
