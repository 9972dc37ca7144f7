// Attachments over real HTTP and sockets, on PGlite (or PostgreSQL with DATABASE_URL): upload rules,
// capability URLs, serving headers, sending with messages on every path, deletion.
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attachmentPreview, type Attachment, type Message, type MessagePage, type Ticket } from '../../protocol/index.ts';
import { signedPath } from '../attachments/rules.ts';
import { ApiClient, cast, newTicket, TestSocket } from '../testing/api.ts';
import { exe, jpeg, pdf, png } from '../testing/files.ts';
import { startTestServer, type TestServer } from '../testing/test-server.ts';
import { download, upload } from '../testing/upload.ts';

const MAX = 300_000;
let server: TestServer;
let c: Awaited<ReturnType<typeof cast>>;
const sockets: TestSocket[] = [];

beforeAll(async () => {
  server = await startTestServer({ config: { maxUploadBytes: MAX } });
  c = await cast(server.url, server.admin);
});
afterAll(async () => {
  for (const s of sockets) s.close();
  await server?.close();
});

let n = 0;
const clientId = () => `m-${++n}`;
const rows = async (ticketId: string) => server.services.db.sql<{ id: string; size: string | null }>('select id, size from attachments where ticket_id = ?', [ticketId]);
const chunks = async () => Number((await server.services.db.sql<{ n: string }>('select count(*) as n from attachment_chunks'))[0]!.n);
async function assigned(customer = c.customer): Promise<Ticket> {
  const t = (await newTicket(customer, 'with files')).body;
  expect((await c.member.post(`/api/tickets/${t.id}/accept`)).status).toBe(200);
  return t;
}
const send = (api: ApiClient, t: Ticket, attachments: string[], body = '', extra: object = {}) =>
  api.post<Message & { error: { message: string } }>(`/api/tickets/${t.id}/messages`, { clientId: clientId(), body, attachments, ...extra });

describe('upload and download', () => {
  it('stores an image by content, with its size, and serves it inline with the safe headers', async () => {
    const t = await assigned();
    const bytes = png(640, 480, [], 280_000); // more than one 256 KiB chunk
    const up = await upload(c.customer, t.id, bytes, 'screen shot.png', 'application/pdf');
    expect(up.status).toBe(201);
    expect(up.body).toMatchObject({ ticketId: t.id, name: 'screen shot.png', type: 'image/png', size: bytes.length, width: 640, height: 480 });
    expect(up.body.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(up.body.url).toMatch(new RegExp(`^/api/attachments/${up.body.id}\\?exp=\\d+&sig=[\\w-]+$`));
    const got = await download(server.url, up.body.url);
    expect(got.status).toBe(200);
    expect(got.bytes.equals(bytes)).toBe(true);
    expect(got.headers.get('content-type')).toBe('image/png');
    expect(got.headers.get('content-disposition')).toBe(`inline; filename="screen shot.png"; filename*=UTF-8''screen%20shot.png`);
    expect(got.headers.get('x-content-type-options')).toBe('nosniff');
    expect(got.headers.get('content-security-policy')).toBe('sandbox');
    expect(got.headers.get('cache-control')).toMatch(/^private/);
  });

  it('strips EXIF and XMP (a GPS position) from a photo, keeping its dimensions', async () => {
    const t = await assigned();
    const photo = jpeg(1200, 900);
    const up = await upload(c.customer, t.id, photo, 'IMG_0001.JPG');
    expect(up.body).toMatchObject({ type: 'image/jpeg', width: 1200, height: 900, size: jpeg(1200, 900, false).length });
    const got = await download(server.url, up.body.url);
    expect(got.bytes.equals(jpeg(1200, 900, false))).toBe(true);
    expect(got.bytes.toString('latin1')).not.toMatch(/GPS|secret place/);
  });

  it('takes a file of exactly the limit and refuses one byte more with 413, storing nothing', async () => {
    const t = await assigned();
    const before = await chunks();
    expect((await upload(c.customer, t.id, png(10, 10, [], MAX), 'max.png')).status).toBe(201);
    const over = await upload(c.customer, t.id, png(10, 10, [], MAX + 1), 'over.png');
    expect(over.status).toBe(413);
    expect(over.body.error.code).toBe('too_large');
    expect((await rows(t.id)).length).toBe(1);
    expect(await chunks()).toBe(before + 2);
  });

  it('judges the type by content: an executable named .png is refused, markup named .png is served as a text download', async () => {
    const t = await assigned();
    const bad = await upload(c.customer, t.id, exe(), 'cat.png', 'image/png');
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('type_not_allowed');
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(document.cookie)</script></svg>');
    const up = await upload(c.customer, t.id, svg, 'logo.svg', 'image/svg+xml');
    expect(up.status).toBe(201);
    expect(up.body.type).toBe('text/plain');
    expect(up.body.width).toBeUndefined();
    const got = await download(server.url, up.body.url);
    expect(got.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(got.headers.get('content-disposition')).toMatch(/^attachment; /);
    expect(got.headers.get('content-security-policy')).toBe('sandbox');
    const html = await upload(c.customer, t.id, Buffer.from('<!doctype html><script>alert(1)</script>'), 'page.png', 'image/png');
    expect(html.body.type).toBe('text/plain');
    expect((await upload(c.customer, t.id, Buffer.from('a,b\n1,2\n'), 'data.csv')).body.type).toBe('text/csv');
    expect((await upload(c.customer, t.id, pdf(), 'invoice.txt')).body.type).toBe('application/pdf');
    expect((await rows(t.id)).length).toBe(4);
  });

  it('serves a polyglot (a GIF that is also script) as the image it starts as, sandboxed and unsniffed', async () => {
    const t = await assigned();
    const poly = Buffer.concat([Buffer.from('GIF89a'), Buffer.from([1, 0, 1, 0, 0, 0, 0]), Buffer.from('*/=1;alert(1)//<script>alert(2)</script>')]);
    const up = await upload(c.customer, t.id, poly, 'poly.gif.html');
    expect(up.body.type).toBe('image/gif');
    const got = await download(server.url, up.body.url);
    expect(got.headers.get('content-type')).toBe('image/gif');
    expect(got.headers.get('x-content-type-options')).toBe('nosniff');
    expect(got.headers.get('content-security-policy')).toBe('sandbox');
  });

  it('encodes non-ASCII and quote-bearing names (RFC 5987) and strips paths', async () => {
    const t = await assigned();
    const up = await upload(c.customer, t.id, pdf(), '..\\dir/Rechnung "März".pdf');
    expect(up.body.name).toBe('Rechnung "März".pdf');
    const got = await download(server.url, up.body.url);
    expect(got.headers.get('content-disposition')).toBe(`attachment; filename="Rechnung _M_rz_.pdf"; filename*=UTF-8''Rechnung%20%22M%C3%A4rz%22.pdf`);
  });

  it('refuses empty files, a missing field, JSON bodies and garbage multipart with 400', async () => {
    const t = await assigned();
    expect((await upload(c.customer, t.id, Buffer.alloc(0), 'empty.txt')).status).toBe(400);
    const form = new FormData();
    form.append('other', new Blob([new Uint8Array(pdf())]), 'x.pdf');
    const res = await fetch(`${server.url}/api/tickets/${t.id}/attachments`, { method: 'POST', headers: { authorization: `Bearer ${c.customer.token}`, origin: c.origin }, body: form });
    expect(res.status).toBe(400);
    expect((await c.customer.post(`/api/tickets/${t.id}/attachments`, { file: 'x' })).status).toBe(400);
    const broken = await fetch(`${server.url}/api/tickets/${t.id}/attachments`, {
      method: 'POST', headers: { authorization: `Bearer ${c.customer.token}`, origin: c.origin, 'content-type': 'multipart/form-data; boundary=zzz' }, body: '--zzz\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\n\r\nhello',
    });
    expect(broken.status).toBe(400);
    expect((await rows(t.id)).length).toBe(0);
  });

  it('lets several uploads run at once, each stored whole and apart', async () => {
    const t = await assigned();
    const files = [1, 2, 3, 4, 5].map((i) => png(i * 10, i * 20, [], 50_000 + i * 30_000));
    const ups = await Promise.all(files.map((f, i) => upload(c.customer, t.id, f, `f${i}.png`)));
    expect(ups.map((u) => u.status)).toEqual([201, 201, 201, 201, 201]);
    expect(new Set(ups.map((u) => u.body.id)).size).toBe(5);
    const got = await Promise.all(ups.map((u) => download(server.url, u.body.url)));
    got.forEach((g, i) => expect(g.bytes.equals(files[i]!)).toBe(true));
  });

  it('stores nothing when the client goes away mid-upload', async () => {
    const t = await assigned();
    const boundary = 'abort-boundary';
    await new Promise<void>((resolve) => {
      const req = request(`${server.url}/api/tickets/${t.id}/attachments`, {
        method: 'POST',
        headers: { authorization: `Bearer ${c.customer.token}`, origin: c.origin, 'content-type': `multipart/form-data; boundary=${boundary}`, 'content-length': String(MAX) },
      });
      req.on('error', () => resolve());
      req.write(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="half.png"\r\nContent-Type: image/png\r\n\r\n`);
      req.write(png(10, 10, [], 270_000).subarray(0, 265_000), () => setTimeout(() => { req.destroy(); resolve(); }, 200));
    });
    // The server notices the close and undoes what it stored; wait for that.
    for (let i = 0; i < 50 && (await rows(t.id)).length; i++) await new Promise((r) => setTimeout(r, 100));
    expect(await rows(t.id)).toEqual([]);
    const orphanChunks = await server.services.db.sql('select c.attachment_id from attachment_chunks c left join attachments a on a.id = c.attachment_id where a.id is null');
    expect(orphanChunks).toEqual([]);
  });
});

describe('who may upload and download', () => {
  it('keeps out the customer of another ticket, and API tokens', async () => {
    const t = await assigned();
    const other = await ApiClient.visitor(server.url, c.site.key, c.origin);
    const up = await upload(other, t.id, pdf(), 'x.pdf');
    expect(up.status).toBe(404);
    const token = (await c.adminApi.post('/api/tokens', { name: 'it', scopes: ['tickets:read', 'tickets:write', 'messages:read', 'messages:write'] })).body;
    const api = new ApiClient(server.url);
    api.token = token.token;
    expect((await upload(api, t.id, pdf(), 'x.pdf')).status).toBe(403);
    expect((await upload(c.customer, '00000000-0000-4000-8000-000000000000', pdf(), 'x.pdf')).status).toBe(404);
    expect((await upload(new ApiClient(server.url), t.id, pdf(), 'x.pdf')).status).toBe(401);
    expect((await rows(t.id)).length).toBe(0);
  });

  it('refuses an expired URL and a tampered signature with 403, and a deleted ticket\'s file with 404', async () => {
    const t = await assigned();
    const up = (await upload(c.customer, t.id, pdf(), 'x.pdf')).body;
    const secret = (await server.services.db.sql<{ value: string }>(`select value from server_secrets where name = 'attachments'`))[0]!.value;
    const expired = signedPath(secret, up.id, Math.floor(Date.now() / 1000) - 10);
    const gone = await download(server.url, expired);
    expect(gone.status).toBe(403);
    expect(JSON.parse(gone.bytes.toString()).error.message).toMatch(/expired/);
    const sig = new URL(up.url, server.url).searchParams.get('sig')!;
    const flipped = up.url.replace(sig, (sig[0] === 'A' ? 'B' : 'A') + sig.slice(1));
    expect((await download(server.url, flipped)).status).toBe(403);
    expect((await download(server.url, up.url.replace(/exp=\d+/, (m) => `exp=${Number(m.slice(4)) + 3600}`))).status).toBe(403);
    expect((await download(server.url, `/api/attachments/${up.id}`)).status).toBe(403);
    // Another attachment's signature opens only that one.
    const other = (await upload(c.customer, t.id, pdf('b'), 'b.pdf')).body;
    expect((await download(server.url, up.url.replace(up.id, other.id))).status).toBe(403);
    await server.services.db.sql('delete from tickets where id = ?', [t.id]);
    expect((await download(server.url, up.url)).status).toBe(404);
    expect((await server.services.db.sql('select 1 from attachment_chunks where attachment_id in (?, ?)', [up.id, other.id])).length).toBe(0);
  });

  it('a closed ticket\'s customer still downloads, but uploads no more', async () => {
    const t = await assigned();
    const up = (await upload(c.customer, t.id, pdf(), 'x.pdf')).body;
    await send(c.customer, t, [up.id], 'here');
    expect((await c.member.post(`/api/tickets/${t.id}/close`)).status).toBe(200);
    const late = await upload(c.customer, t.id, pdf(), 'late.pdf');
    expect(late.status).toBe(409);
    const page = (await c.customer.get<MessagePage>(`/api/tickets/${t.id}/messages?after=0`)).body;
    const url = page.messages[0]!.attachments![0]!.url;
    expect((await download(server.url, url)).status).toBe(200);
  });
});

describe('sending attachments with a message', () => {
  it('keeps the files in the order the sender listed them, whatever order they were uploaded in', async () => {
    const t = await assigned();
    const first = (await upload(c.customer, t.id, pdf(), 'uploaded-first.pdf')).body;
    const second = (await upload(c.customer, t.id, png(8, 8), 'uploaded-second.png')).body;
    const third = (await upload(c.customer, t.id, pdf(), 'uploaded-third.pdf')).body;
    const sent = await send(c.customer, t, [third.id, first.id, second.id]);
    expect(sent.status).toBe(201);
    const order = ['uploaded-third.pdf', 'uploaded-first.pdf', 'uploaded-second.png'];
    expect(sent.body.attachments!.map((x: Attachment) => x.name)).toEqual(order);
    const history = (await c.member.get<MessagePage>(`/api/tickets/${t.id}/messages?after=0`)).body.messages;
    expect(history.at(-1)!.attachments!.map((x) => x.name)).toEqual(order);
  });

  it('carries them on the HTTP answer, history, socket frames and the replay after reconnect', async () => {
    const t = await assigned();
    const staff = await TestSocket.staff(server.url, c.member);
    sockets.push(staff);
    await staff.request({ type: 'join', ticketId: t.id });
    const a = (await upload(c.customer, t.id, png(30, 20), 'shot.png')).body;
    const b = (await upload(c.customer, t.id, pdf(), 'order.pdf')).body;
    const sent = await send(c.customer, t, [a.id, b.id]);
    expect(sent.status).toBe(201);
    expect(sent.body.body).toBe('');
    expect(sent.body.attachments!.map((x: Attachment) => x.name)).toEqual(['shot.png', 'order.pdf']);
    const frame = await staff.next((f) => f.type === 'message' && f.message.id === sent.body.id);
    expect(frame.type === 'message' && frame.message.attachments?.map((x) => x.id)).toEqual([a.id, b.id]);
    const history = (await c.member.get<MessagePage>(`/api/tickets/${t.id}/messages?after=0`)).body.messages;
    expect(history[0]!.attachments![0]).toMatchObject({ id: a.id, width: 30, height: 20, type: 'image/png' });
    // A resend with the same clientId answers the stored message, files included.
    const again = await c.customer.post<Message>(`/api/tickets/${t.id}/messages`, { clientId: sent.body.clientId, body: '', attachments: [a.id, b.id] });
    expect(again.status).toBe(200);
    expect(again.body.attachments).toHaveLength(2);
    const fresh = await TestSocket.visitor(server.url, c.customer);
    sockets.push(fresh);
    const joined = fresh.next((f) => f.type === 'message' && f.message.id === sent.body.id);
    await fresh.request({ type: 'join', ticketId: t.id, after: 0 });
    const replayed = await joined;
    expect(replayed.type === 'message' && replayed.message.attachments).toHaveLength(2);
    // Over the socket too.
    const viaSocket = (await upload(c.customer, t.id, pdf(), 'socket.pdf')).body;
    const ack = await fresh.request({ type: 'message', ticketId: t.id, clientId: clientId(), body: 'see file', attachments: [viaSocket.id] });
    expect(ack.type === 'ack' && ack.message?.attachments?.[0]?.id).toBe(viaSocket.id);
  });

  it('refuses six files, another ticket\'s file, someone else\'s, one sent already, notes with files, and an empty message', async () => {
    const t = await assigned();
    const ids = [];
    for (let i = 0; i < 6; i++) ids.push((await upload(c.customer, t.id, pdf(String(i)), `${i}.pdf`)).body.id);
    const six = await send(c.customer, t, ids);
    // Too many is too_large, as for every list at the edge (protocol/schemas/parse.ts).
    expect(six.status).toBe(413);
    expect(six.body.error.message).toMatch(/at most 5/);
    const otherTicket = await assigned();
    const foreign = (await upload(c.customer, otherTicket.id, pdf(), 'f.pdf')).body;
    expect((await send(c.customer, t, [foreign.id])).status).toBe(400);
    const staffFile = (await upload(c.member, t.id, pdf(), 'staff.pdf')).body;
    expect((await send(c.customer, t, [staffFile.id])).status).toBe(400);
    expect((await send(c.member, t, [staffFile.id], 'a note', { internal: true })).status).toBe(400);
    expect((await send(c.customer, t, [])).status).toBe(400);
    expect((await send(c.customer, t, [ids[0]!, ids[0]!])).status).toBe(400);
    expect((await send(c.customer, t, ['not-a-uuid'])).status).toBe(400);
    expect((await send(c.customer, t, [ids[0]!])).status).toBe(201);
    expect((await send(c.customer, t, [ids[0]!, ids[1]!])).status).toBe(400);
    // The refused send claimed nothing: ids[1] still goes out.
    expect((await send(c.customer, t, [ids[1]!])).status).toBe(201);
    // Staff send their own uploads.
    expect((await send(c.member, t, [staffFile.id], 'the invoice')).status).toBe(201);
  });

  it('two sends racing for one file: one carries it, the other is refused', async () => {
    const t = await assigned();
    const f = (await upload(c.customer, t.id, pdf(), 'race.pdf')).body;
    const [x, y] = await Promise.all([send(c.customer, t, [f.id]), send(c.customer, t, [f.id])]);
    expect([x.status, y.status].sort()).toEqual([201, 400]);
    const history = (await c.customer.get<MessagePage>(`/api/tickets/${t.id}/messages?after=0`)).body.messages;
    expect(history.flatMap((m) => m.attachments ?? []).map((a) => a.id)).toEqual([f.id]);
  });
});

describe('search and the inbox', () => {
  it('finds a ticket by a sent file\'s name (not by an unsent one), and previews a files-only message', async () => {
    const t = await assigned();
    const f = (await upload(c.customer, t.id, png(3, 3), 'quokka_receipt-2026.png')).body;
    const unsent = (await upload(c.customer, t.id, pdf(), 'wombatstatement.pdf')).body;
    expect(unsent.id).toBeTruthy();
    const sent = await send(c.customer, t, [f.id]);
    for (const q of ['quokka_receipt-2026.png', 'quokka']) {
      const found = (await c.adminApi.get(`/api/search?q=${encodeURIComponent(q)}`)).body.results;
      expect(found.map((r: { ticket: Ticket }) => r.ticket.id), q).toContain(t.id);
      expect(found.find((r: { ticket: Ticket }) => r.ticket.id === t.id).snippet).toContain('quokka');
    }
    expect((await c.adminApi.get('/api/search?q=wombatstatement')).body.results).toEqual([]);
    const chats = (await c.adminApi.get('/api/chats?limit=100')).body.chats;
    const chat = chats.find((x: { ticket: Ticket }) => x.ticket.id === t.id);
    expect(chat.lastMessage.id).toBe(sent.body.id);
    expect(attachmentPreview(chat.lastMessage.attachments.map((a: Attachment) => a.name))).toBe('📎 quokka_receipt-2026.png');
  });
});

describe('DELETE /api/attachments/:id', () => {
  it('only the uploader deletes, and only before sending', async () => {
    const t = await assigned();
    const f = (await upload(c.customer, t.id, pdf(), 'x.pdf')).body;
    expect((await c.member.call('DELETE', `/api/attachments/${f.id}`)).status).toBe(404);
    const other = await ApiClient.visitor(server.url, c.site.key, c.origin);
    expect((await other.call('DELETE', `/api/attachments/${f.id}`)).status).toBe(404);
    expect((await c.customer.call('DELETE', `/api/attachments/${f.id}`)).status).toBe(204);
    expect((await download(server.url, f.url)).status).toBe(404);
    const g = (await upload(c.customer, t.id, pdf(), 'y.pdf')).body;
    await send(c.customer, t, [g.id]);
    expect((await c.customer.call('DELETE', `/api/attachments/${g.id}`)).status).toBe(409);
    expect((await download(server.url, g.url)).status).toBe(200);
  });
});
