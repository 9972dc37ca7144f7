import Router from '@koa/router';
import { requireAdmin } from '../auth.ts';
import type { Ctx } from '../state.ts';

/**
 * The unsubscribe link in every mail. GET shows a button (link checkers and previews follow GETs,
 * so a GET changes nothing); POST unsubscribes, which is also what a mail client's one-click
 * unsubscribe sends (RFC 8058, a form body we ignore). Mounted before the JSON body parser.
 */
export const unsubscribeRoutes = new Router();

const page = (title: string, body: string) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>${title}</title></head><body style="font-family:system-ui,sans-serif;max-width:30em;margin:3em auto;line-height:1.5">${body}</body></html>`;

unsubscribeRoutes.get('/mail/unsubscribe/:token', async (ctx: Ctx) => {
  const { services } = ctx.state;
  ctx.type = 'html';
  ctx.set('Content-Security-Policy', "default-src 'none'; form-action 'self'");
  const token = ctx.params.token!;
  if (!(await services.mailOutbox.knows(token))) {
    ctx.status = 404;
    ctx.body = page('Unknown link', '<p>This unsubscribe link is not known here.</p>');
    return;
  }
  ctx.body = page('Unsubscribe', `<p>Stop all email from this support team to this address?</p>
<form method="post"><button type="submit">Unsubscribe</button></form>`);
});

unsubscribeRoutes.post('/mail/unsubscribe/:token', async (ctx: Ctx) => {
  const { services } = ctx.state;
  ctx.type = 'html';
  ctx.set('Content-Security-Policy', "default-src 'none'");
  const token = ctx.params.token!;
  if (!(await services.mailOutbox.unsubscribe(token))) {
    ctx.status = 404;
    ctx.body = page('Unknown link', '<p>This unsubscribe link is not known here.</p>');
    return;
  }
  ctx.body = page('Unsubscribed', '<p>You are unsubscribed: this address gets no more email from us.</p>');
});

/** Admin: the outbox, newest first (the console's Outbox page). */
export const outboxRoutes = new Router();

outboxRoutes.get('/api/mail', async (ctx: Ctx) => {
  requireAdmin(ctx);
  ctx.body = await ctx.state.services.mailOutbox.list(200);
});
