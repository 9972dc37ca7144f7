import Router from '@koa/router';
import { collectStats, ticketsByStatus } from '../../services/stats.ts';
import { requireAdmin } from '../auth.ts';
import type { Ctx } from '../state.ts';

/** Health, Prometheus metrics and the admin monitoring figures. `connections` is the hub's live count. */
export function healthRoutes(connections: () => { customers: number; members: number; admins: number }) {
  const router = new Router();

  router.get('/healthz', async (ctx: Ctx) => {
    const { db } = ctx.state.services;
    try {
      await db.sql('select 1');
      ctx.body = { status: 'ok', database: db.kind };
    } catch {
      ctx.status = 503;
      ctx.body = { status: 'degraded', database: db.kind, error: { code: 'internal', message: 'database unreachable' } };
    }
  });

  router.get('/metrics', async (ctx: Ctx) => {
    const { metrics, db } = ctx.state.services;
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
