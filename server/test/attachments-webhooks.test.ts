// message.created webhooks carry the message's files: metadata and a URL fresh at delivery.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ticket } from '../../protocol/index.ts';
import { cast, newTicket } from '../testing/api.ts';
import { pdf } from '../testing/files.ts';
import { startTestServer, type TestServer } from '../testing/test-server.ts';
import { download, upload } from '../testing/upload.ts';
import { startReceiver, type Receiver } from '../testing/webhook-receiver.ts';

let server: TestServer;
let receiver: Receiver;
let c: Awaited<ReturnType<typeof cast>>;

beforeAll(async () => {
  server = await startTestServer({ config: { webhooks: { allowPrivate: true, pollMs: 50, backoffMs: 100, retryForMs: 2500, timeoutMs: 1000, concurrency: 4 } } });
  c = await cast(server.url, server.admin);
  receiver = await startReceiver();
});
afterAll(async () => {
  await server?.close();
  await receiver?.close();
});

describe('webhooks and attachments', () => {
  it('message.created carries the files with a working URL', async () => {
    const created = await c.adminApi.post<{ secret: string }>('/api/webhooks', { url: receiver.url, events: ['message.created'] });
    receiver.secrets.push(created.body.secret);
    const t: Ticket = (await newTicket(c.customer, 'hooks')).body;
    await c.member.post(`/api/tickets/${t.id}/accept`);
    const f = (await upload(c.customer, t.id, pdf(), 'invoice.pdf')).body;
    const sent = await c.customer.post(`/api/tickets/${t.id}/messages`, { clientId: 'w1', body: '', attachments: [f.id] });
    expect(sent.status).toBe(201);
    await receiver.until(() => receiver.received.some((r) => r.payload.data?.message?.id === sent.body.id));
    const hook = receiver.received.find((r) => r.payload.data?.message?.id === sent.body.id)!;
    const files = hook.payload.data.message.attachments;
    expect(files).toHaveLength(1);
    expect(files[0]).toMatchObject({ id: f.id, name: 'invoice.pdf', type: 'application/pdf', size: f.size });
    expect((await download(server.url, files[0].url)).status).toBe(200);
  });

  it('a delivery running between the message commit and the file link still finds the files (by the send\'s claim)', async () => {
    const t: Ticket = (await newTicket(c.customer, 'between')).body;
    await c.member.post(`/api/tickets/${t.id}/accept`);
    const f = (await upload(c.customer, t.id, pdf(), 'claimed.pdf')).body;
    await server.services.db.sql('update attachments set claim = ? where id = ?', [`${t.id}:c-9`, f.id]);
    const found = await server.services.attachments.ofStored([{ id: '00000000-0000-4000-8000-000000000009', ticket_id: t.id, client_id: 'c-9' }]);
    expect(found.get('00000000-0000-4000-8000-000000000009')?.map((a) => a.id)).toEqual([f.id]);
    expect((await server.services.attachments.ofStored([{ id: '00000000-0000-4000-8000-000000000010', ticket_id: t.id, client_id: 'other' }])).size).toBe(0);
  });
});
