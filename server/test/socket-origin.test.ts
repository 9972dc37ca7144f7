import { describe, expect, it } from 'vitest';
import { ApiClient, TestSocket } from '../testing/api.ts';
import { useAssignedTicket } from '../testing/fixture.ts';

const f = useAssignedTicket();

describe('the staff socket checks Origin exactly (scheme, host and port)', () => {
  it('takes the session cookie only from the server own origin', async () => {
    const { url } = f.server;
    const own = await TestSocket.open(url, { cookie: f.c.member.cookie });
    f.sockets.push(own);
    expect(await own.next((x) => x.type === 'ready')).toMatchObject({ user: { kind: 'member' } });
    const https = url.replace(/^http:/, 'https:');
    const port = new URL(url).port;
    for (const origin of [https, `http://127.0.0.1:${Number(port) + 1}`, 'http://127.0.0.1', `http://evil.test:${port}`]) {
      await expect(TestSocket.open(url, { origin, cookie: f.c.member.cookie }), origin).rejects.toThrow(/40[13]/);
    }
  });

  it('ignores the cookie on HTTP writes from the same host under another scheme', async () => {
    const https = new ApiClient(f.server.url, { origin: f.server.url.replace(/^http:/, 'https:') });
    https.cookie = f.c.adminApi.cookie;
    const r = await https.post('/api/users', { email: 'scheme@x.test', name: 's', password: 'long-enough-1', role: 'admin' });
    expect(r.status).toBe(401);
  });
});
