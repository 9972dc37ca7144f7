// One file up to `POST /api/tickets/:id/attachments` with upload progress and abort. XMLHttpRequest,
// not fetch: fetch reports no upload progress. Same origin as console/api.ts, so the browser sends the
// session cookie and the Origin header the server's cookie-write (CSRF) check requires.
import { HttpError, type Attachment, type ErrorBody } from '../protocol/index.ts';

export interface Upload {
  /** The stored attachment; rejects with the server's HttpError (code `network` when it cannot be reached). */
  done: Promise<Attachment>;
  /** Stops the upload; `done` then rejects with an AbortError. */
  abort(): void;
}

const OFFLINE = 'You are offline or the server cannot be reached. Check your connection and try again.';

export function uploadAttachment(ticketId: string, file: File, onProgress: (loaded: number, total: number) => void): Upload {
  const xhr = new XMLHttpRequest();
  const done = new Promise<Attachment>((resolve, reject) => {
    xhr.upload.onprogress = (e) => onProgress(e.loaded, e.lengthComputable ? e.total : file.size);
    xhr.onload = () => {
      let json: unknown = null;
      try {
        json = JSON.parse(xhr.responseText);
      } catch {
        // not JSON: a proxy's page
      }
      if (xhr.status === 201) return resolve(json as Attachment);
      const error = (json as ErrorBody | null)?.error;
      reject(new HttpError(error?.code ?? 'internal', error?.message || `Upload failed (${xhr.status})`, xhr.status));
    };
    // A server refusing a too-large body may close the connection before the browser reads its answer.
    xhr.onerror = () => reject(new HttpError('network', OFFLINE, 0));
    xhr.onabort = () => reject(new DOMException('The upload was cancelled.', 'AbortError'));
  });
  xhr.open('POST', `/api/tickets/${encodeURIComponent(ticketId)}/attachments`);
  xhr.setRequestHeader('accept', 'application/json');
  const form = new FormData();
  form.append('file', file, file.name);
  xhr.send(form);
  return { done, abort: () => xhr.abort() };
}
