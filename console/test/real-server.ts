// For console tests that talk to a real Parley server through the test page's own origin
// (console/test/parley-console-server.mjs proxies /api): a member signed in with the session cookie,
// and a ticket they have accepted. Plus files made in the browser.
import { api } from '../api.ts';

export interface Signed {
  ticketId: string;
  maxUploadBytes: number;
}

/** A fresh member and ticket, signed in (the first call waits for the server to start). */
export async function signedInTicket(): Promise<Signed> {
  const res = await fetch('/__console/setup');
  if (!res.ok) throw new Error(`setup: ${res.status}`);
  const s = (await res.json()) as Signed & { email: string; password: string };
  await api.login(s.email, s.password);
  return { ticketId: s.ticketId, maxUploadBytes: s.maxUploadBytes };
}

/** A real PNG of `width`×`height` (noise, so its size grows with its area). */
export async function pngFile(width: number, height: number, name = 'picture.png'): Promise<File> {
  const canvas = document.createElement('canvas');
  Object.assign(canvas, { width, height });
  const g = canvas.getContext('2d')!;
  const pixels = g.createImageData(width, height);
  for (let i = 0; i < pixels.data.length; i++) pixels.data[i] = (i * 2654435761) >>> 24;
  g.putImageData(pixels, 0, 0);
  const blob = await new Promise<Blob>((r) => canvas.toBlob((b) => r(b!), 'image/png'));
  return new File([blob], name, { type: 'image/png' });
}

export const pdfFile = (name = 'invoice.pdf'): File =>
  new File([`%PDF-1.4\n1 0 obj << /Title (invoice) >> endobj\ntrailer << >>\n%%EOF\n`], name, { type: 'application/pdf' });

export const textFile = (bytes: number, name = 'log.txt'): File => new File(['x'.repeat(bytes)], name, { type: 'text/plain' });
