import Router from '@koa/router';
import { openApiDocument } from '../openapi/document.ts';
import type { Ctx } from '../state.ts';

export const openApiRoutes = new Router({ prefix: '/api' });

/** Public, like any API description; API tokens may read it too. */
openApiRoutes.get('/openapi.json', async (ctx: Ctx) => {
  ctx.body = openApiDocument();
});
