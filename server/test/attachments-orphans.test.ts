// The orphan sweep: uploads no message took are removed after the orphan age (a day; short here),
// by every instance at once without doubling up; files sent with a message stay.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ticket } from '../../protocol/index.ts';
import { ApiClient, cast, newTicket } from '../testing/api.ts';
import { pdf, png } from '../testing/files.ts';
import { startTestServer, type TestServer } from '../testing/test-server.ts';
import { download, upload } from '../testing/upload.ts';

const AGE = 1500;
let server: TestServer;
let c: Awaited<ReturnType<typeof cast>>;

beforeAll(async () => {
  server = await startTestServer({ config: { orphanAttachmentMs: AGE } });
  c = await cast(server.url, server.admin);
});
afterAll(async () => {
  await server?.close();
});

const count = async (table: string) => Number((await server.services.db.sql<{ n: string }>(`select count(*) as n from ${table}`))[0]!.n);

describe('orphan clean-up', () => {
  it('removes unsent uploads (rows and chunks) after the orphan age, keeps sent ones and fresh ones', async () => {
    const t: Ticket = (await newTicket(c.customer, 'orphans')).body;
    await c.member.post(`/api/tickets/${t.id}/accept`);
    const orphan = (await upload(c.customer, t.id, png(5, 5, [], 300_000), 'orphan.png')).body;
    const sent = (await upload(c.customer, t.id, pdf(), 'kept.pdf')).body;
    expect((await c.customer.post(`/api/tickets/${t.id}/messages`, { clientId: 'm1', body: 'x', attachments: [sent.id] })).status).toBe(201);
    // Right after upload both are there: the running sweeper leaves anything younger than the age.
    expect((await download(server.url, orphan.url)).status).toBe(200);
    const deadline = Date.now() + 20_000;
    while (Date.now() < deadline && (await download(server.url, orphan.url)).status === 200) await new Promise((r) => setTimeout(r, 200));
    expect((await download(server.url, orphan.url)).status).toBe(404);
    expect((await download(server.url, sent.url)).status).toBe(200);
    expect(await server.services.db.sql('select 1 from attachment_chunks where attachment_id = ?', [orphan.id])).toEqual([]);
    const fresh = (await upload(c.customer, t.id, pdf(), 'fresh.pdf')).body;
    expect(await server.services.attachments.sweepOrphans()).toBe(0);
    expect((await download(server.url, fresh.url)).status).toBe(200);
  });

  it('several sweeps at once remove each orphan once and all of them', async () => {
    const customer = await ApiClient.visitor(server.url, c.site.key, c.origin);
    const t: Ticket = (await newTicket(customer, 'many orphans')).body;
    expect((await c.member.post(`/api/tickets/${t.id}/accept`)).status).toBe(200);
    await server.services.attachments.sweeper.stop();
    for (let i = 0; i < 12; i++) expect((await upload(customer, t.id, pdf(String(i)), `${i}.pdf`)).status).toBe(201);
    await server.services.db.sql(`update attachments set created_at = created_at - interval '1 day' where ticket_id = ?`, [t.id]);
    const before = await count('attachments');
    const removed = await Promise.all([1, 2, 3, 4].map(() => server.services.attachments.sweepOrphans()));
    expect(removed.reduce((a, b) => a + b, 0)).toBe(12);
    expect(await count('attachments')).toBe(before - 12);
  });
});
