// Uploads of the composer's files, one XMLHttpRequest each (fetch reports no upload progress), kept
// in s.uploads per ticket. Part of the attachments chunk.
import { type Attachment, MAX_ATTACHMENTS, refusedForGood } from '../protocol/attachments.ts';
import type { ErrorBody } from '../protocol/errors.ts';
import type { Store } from './actions.ts';
import { fill } from './i18n/index.ts';
import { attachmentStrings } from './i18n/attachments.ts';
import { put } from './store.ts';

/** A file in the tray: uploading (`xhr`), failed (`error`, in the customer's words) or up (`att`). */
export interface Upload {
  key: number;
  file: File;
  /** Share sent, 0 to 1. */
  sent: number;
  xhr?: XMLHttpRequest;
  error?: string;
  /** The server refused this file for what it is (size, type): sending it again cannot help. */
  final?: boolean;
  att?: Attachment;
}

let keys = 0;
const listOf = (s: Store, ticketId: string) => s.uploads.peek()[ticketId] ?? [];
/** Uploads change in place; a new array tells the readers. */
const changed = (s: Store, ticketId: string) => put(s.uploads, ticketId, [...listOf(s, ticketId)]);

/** A pasted screenshot comes as "image.png" (or nameless): it is sent as screenshot.png. */
const named = (f: File) => (f.type.startsWith('image/') && (!f.name || /^image\.\w+$/.test(f.name)) ? new File([f], `screenshot.${f.type.slice(6)}`, { type: f.type }) : f);

/** Why an upload failed, in the customer's language; the size limit is in the server's message ("… 10 MB"). */
function reason(s: Store, code: string, message = '') {
  const t = s.t.peek();
  const a = attachmentStrings(t.dir);
  if (code === 'too_large') return fill(a.tooLarge, { n: /[\d.]+(?= MB)/.exec(message)?.[0] ?? '' });
  if (code === 'type_not_allowed') return a.notAllowed;
  return t.errors[code] ?? t.errors.other!;
}

/** Sends a tray file (again, after a failure). */
export function start(s: Store, ticketId: string, u: Upload) {
  const xhr = (u.xhr = new XMLHttpRequest());
  u.error = undefined;
  u.sent = 0;
  xhr.open('POST', `${s.ctx.server}/api/tickets/${ticketId}/attachments`);
  xhr.setRequestHeader('authorization', `Bearer ${s.session.peek()?.visitorToken}`);
  xhr.upload.onprogress = (e) => ((u.sent = e.loaded / e.total), changed(s, ticketId));
  const end = (error?: string) => ((u.xhr = undefined), (u.error = error), changed(s, ticketId));
  xhr.onload = () => {
    let body: (Attachment & Partial<ErrorBody>) | null = null;
    try {
      body = JSON.parse(xhr.responseText);
    } catch {}
    const code = body?.error?.code ?? 'other';
    u.final = refusedForGood(code);
    if (xhr.status === 201 && body) (u.att = body), end();
    else end(reason(s, code, body?.error?.message));
  };
  xhr.onerror = () => end(reason(s, 'network'));
  const form = new FormData();
  form.append('file', u.file);
  xhr.send(form);
  changed(s, ticketId);
}

/** Adds files to a ticket's tray (at most MAX_ATTACHMENTS in all) and starts their uploads. */
export function add(s: Store, ticketId: string, files: File[]) {
  const room = MAX_ATTACHMENTS - listOf(s, ticketId).length;
  if (files.length > room) s.error.value = fill(attachmentStrings(s.t.peek().dir).max, { n: MAX_ATTACHMENTS });
  const added = files.slice(0, Math.max(0, room)).map((f): Upload => ({ key: keys++, file: named(f), sent: 0 }));
  put(s.uploads, ticketId, [...listOf(s, ticketId), ...added]);
  added.forEach((u) => start(s, ticketId, u));
}

/** Cancel (aborts the request) or remove (an uploaded file is deleted on the server: no message will carry it). */
export function discard(s: Store, ticketId: string, u: Upload) {
  u.xhr?.abort();
  if (u.att) void fetch(`${s.ctx.server}/api/attachments/${u.att.id}`, { method: 'DELETE', headers: { authorization: `Bearer ${s.session.peek()?.visitorToken}` } }).catch(() => {});
  put(s.uploads, ticketId, listOf(s, ticketId).filter((x) => x !== u));
}
