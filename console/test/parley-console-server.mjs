// Console component tests against a real Parley server: the test page's origin proxies `/api/*` to a
// real server (fresh PGlite database), so the console's same-origin cookie session and CSRF check work
// exactly as in production (the Host header is kept, so the server sees its own origin). Started on
// the first request only, so the many tests that never call it pay nothing.
// `GET /__console/setup` makes a member, a site, a customer and a ticket the member has accepted,
// and answers {ticketId, email, password, maxUploadBytes}; the page then signs in through /api.
import { request } from 'node:http';
import { cast, newTicket } from '../../server/testing/api.ts';
import { startTestServer } from '../../server/testing/test-server.ts';

/** Small, so a "too large" file is quick to make in the browser. */
const MAX_UPLOAD_BYTES = 1_048_576;

export function parleyConsoleServer() {
  let started;
  const server = () => (started ??= startTestServer({ config: { maxUploadBytes: MAX_UPLOAD_BYTES } }));

  async function setup() {
    const s = await server();
    const c = await cast(s.url, s.admin);
    const ticket = (await newTicket(c.customer, 'Attachments from the console')).body;
    const accepted = await c.member.post(`/api/tickets/${ticket.id}/accept`);
    if (accepted.status !== 200) throw new Error(`accept: ${accepted.status}`);
    const email = c.memberUser.email;
    return { ticketId: ticket.id, email, password: 'member-password-1', maxUploadBytes: MAX_UPLOAD_BYTES };
  }

  function proxy(ctx, base) {
    const target = new URL(ctx.url, base);
    ctx.respond = false;
    return new Promise((resolve) => {
      const out = request(target, { method: ctx.method, headers: ctx.req.headers }, (res) => {
        ctx.res.writeHead(res.statusCode ?? 502, res.headers);
        res.pipe(ctx.res);
        res.on('end', resolve);
      });
      out.on('error', () => {
        if (!ctx.res.headersSent) ctx.res.writeHead(502);
        ctx.res.end();
        resolve();
      });
      // The browser may give up mid-upload (cancel): stop forwarding too, as a real connection would.
      ctx.req.on('close', () => !ctx.req.complete && out.destroy());
      ctx.req.pipe(out);
    });
  }

  return {
    async middleware(ctx, next) {
      if (ctx.path === '/__console/setup') {
        ctx.body = await setup();
        return;
      }
      if (!ctx.path.startsWith('/api/')) return next();
      const s = await server();
      await proxy(ctx, s.url);
    },
    plugin: {
      name: 'parley-console-server',
      async serverStop() {
        if (started) await (await started).close();
      },
    },
  };
}

