// A @web/test-runner plugin that starts a real Parley server (fresh database) for browser tests that
// talk to it. The test page reads `GET /__parley` → {url, siteKey, siteSecret, origin}, after a site
// allowing the test page's origin was created through the admin HTTP API. Staff actions a test
// needs (a member accepting, answering with files, closing) go through `GET /__parley/staff?...`, which calls
// the public HTTP API as a signed-in member.
import { ApiClient, TestSocket } from '../../server/testing/api.ts';
import { pdf, png } from '../../server/testing/files.ts';
import { startTestServer } from '../../server/testing/test-server.ts';
import { upload } from '../../server/testing/upload.ts';

export function parleyServerPlugin() {
  let server;
  let info;
  let member;
  let memberSocket;
  return {
    name: 'parley-server',
    async serverStart({ config }) {
      server = await startTestServer();
      const origins = [`http://${config.hostname ?? 'localhost'}:${config.port}`, `http://127.0.0.1:${config.port}`, `http://localhost:${config.port}`];
      const admin = await ApiClient.staff(server.url, server.admin.email, server.admin.password);
      const site = await admin.post('/api/sites', { name: 'Browser tests', origins: [...new Set(origins)] });
      if (site.status !== 201 && site.status !== 200) throw new Error(`site: ${site.status} ${JSON.stringify(site.body)}`);
      const email = 'member@example.test';
      const password = 'member-password-123';
      const user = await admin.post('/api/users', { email, name: 'Maya', password, role: 'member' });
      if (user.status !== 201 && user.status !== 200) throw new Error(`member: ${user.status} ${JSON.stringify(user.body)}`);
      member = await ApiClient.staff(server.url, email, password);
      info = { url: server.url, siteKey: site.body.key, siteSecret: site.body.secret, siteId: site.body.id };
    },
    async serverStop() {
      await server?.close();
    },
    async serve(context) {
      if (context.path === '/__parley') return { body: JSON.stringify(info), type: 'json' };
      if (context.path !== '/__parley/staff') return undefined;
      const q = context.query;
      const routes = {
        accept: () => member.post(`/api/tickets/${q.ticket}/accept`),
        reject: () => member.post(`/api/tickets/${q.ticket}/reject`, { reason: q.reason }),
        close: () => member.post(`/api/tickets/${q.ticket}/close`),
        release: () => member.post(`/api/tickets/${q.ticket}/assign`, { userId: null }),
        message: () => member.post(`/api/tickets/${q.ticket}/messages`, { clientId: q.clientId ?? `t${Date.now()}${Math.random()}`, body: q.body }),
        // A member's reply with a 400×300 PNG and a PDF (attachments).
        files: async () => {
          const ups = await Promise.all([upload(member, q.ticket, png(400, 300), 'chart.png'), upload(member, q.ticket, pdf(), 'invoice.pdf')]);
          if (ups.some((u) => u.status !== 201)) return { status: 500, body: ups.map((u) => u.body) };
          return member.post(`/api/tickets/${q.ticket}/messages`, { clientId: `t${Date.now()}${Math.random()}`, body: q.body ?? '', attachments: ups.map((u) => u.body.id) });
        },
        messages: () => member.get(`/api/tickets/${q.ticket}/messages?after=0`),
        tickets: () => member.get('/api/tickets'),
        rating: () => member.get(`/api/tickets/${q.ticket}/rating`),
        read: () => member.post(`/api/tickets/${q.ticket}/read`, { seq: Number(q.seq) }),
        // A member's live socket: online presence, joined to the ticket, typing there.
        typing: async () => {
          memberSocket ??= await TestSocket.staff(server.url, member);
          await memberSocket.request({ type: 'join', ticketId: q.ticket });
          memberSocket.send({ type: 'typing', ticketId: q.ticket });
          return { status: 200 };
        },
        offline: async () => {
          memberSocket?.close();
          memberSocket = undefined;
          return { status: 200 };
        },
      };
      const reply = await routes[q.action]?.();
      return { body: JSON.stringify(reply ?? { status: 404 }), type: 'json' };
    },
  };
}
