import type { Attachment } from '../../protocol/index.ts';
import type { ApiClient, Reply } from './api.ts';
import { checkAgainstDocument } from './openapi-check.ts';

/** Uploads `bytes` as the multipart field `file` (as a browser's FormData does), as `api`'s caller. */
export async function upload(api: ApiClient, ticketId: string, bytes: Uint8Array, name: string, declared = 'application/octet-stream'): Promise<Reply<Attachment & { error: { code: string; message: string } }>> {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(bytes)], { type: declared }), name);
  const headers: Record<string, string> = {};
  if (api.origin) headers.origin = api.origin;
  if (api.cookie) headers.cookie = api.cookie;
  if (api.token) headers.authorization = `Bearer ${api.token}`;
  const path = `/api/tickets/${ticketId}/attachments`;
  const res = await fetch(api.base + path, { method: 'POST', headers, body: form });
  const body = await res.json();
  checkAgainstDocument('POST', path, res.status, res.headers.get('content-type') ?? '', body);
  return { status: res.status, body };
}

/** Fetches an attachment's URL with no credentials at all (as `<img src>` on another site would). */
export async function download(base: string, url: string) {
  const res = await fetch(new URL(url, base));
  const bytes = Buffer.from(await res.arrayBuffer());
  return { status: res.status, headers: res.headers, bytes };
}
