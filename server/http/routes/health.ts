import Router from '@koa/router';
import { collectStats, ticketsByStatus } from '../../services/stats.ts';
import { requireAdmin } from '../auth.ts';
import type { Ctx } from '../state.ts';

const PROBE_TIMEOUT_MS = 3000;

/** Health, Prometheus metrics and the admin monitoring figures. `connections` is the hub's live count. */
export function healthRoutes(connections: () => { customers: number; members: number; admins: number }) {
  const router = new Router();

  // 503 while the database is unreachable or, with several instances, while the event bus is
  // reconnecting (events do not cross instances then): a load balancer should route elsewhere.
  router.get('/healthz', async (ctx: Ctx) => {
    const { db, bus } = ctx.state.services;
    const busState = bus.healthy ? 'ok' : 'reconnecting';
    let database = true;
    try {
      // A database that does not answer within a few seconds is as good as down.
      await Promise.race([db.sql('select 1'), new Promise((_, fail) => setTimeout(() => fail(new Error('timeout')), PROBE_TIMEOUT_MS).unref())]);
    } catch {
      database = false;
    }
    const ok = database && bus.healthy;
    ctx.status = ok ? 200 : 503;
    ctx.body = ok
      ? { status: 'ok', database: db.kind, bus: busState }
      : { status: 'degraded', database: db.kind, bus: busState, error: { code: 'internal', message: database ? 'event bus reconnecting' : 'database unreachable' } };
  });

  router.get('/metrics', async (ctx: Ctx) => {
    const { metrics, db, bus } = ctx.state.services;
    metrics.busUp.set(bus.healthy ? 1 : 0);
    try {
      for (const [status, n] of Object.entries(await ticketsByStatus(db))) metrics.tickets.set({ status }, n);
    } catch {
      // Still expose process metrics when the database is down.
    }
    ctx.type = metrics.registry.contentType;
    ctx.body = await metrics.registry.metrics();
  });

  router.get('/api/stats', async (ctx: Ctx) => {
    requireAdmin(ctx);
    const { db, metrics, bus } = ctx.state.services;
    ctx.body = await collectStats(db, metrics, connections(), bus.instanceId);
  });

  return router;
}
