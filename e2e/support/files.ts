// Real files for the e2e suite, made in memory: a PNG a browser decodes (the test server's own
// stand-in PNGs have a header only), and a small PDF.
import { deflateSync } from 'node:zlib';
import { pngChunk } from '../../server/testing/files.ts';

/** A `width`×`height` RGBA PNG of diagonal stripes. */
export function stripedPng(width: number, height: number): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  const rows = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const at = y * (width * 4 + 1) + 1 + x * 4;
      const on = ((x + y) >> 4) % 2 === 0;
      rows.set(on ? [79, 70, 229, 255] : [240, 242, 250, 255], at);
    }
  }
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), pngChunk('IHDR', ihdr), pngChunk('IDAT', deflateSync(rows)), pngChunk('IEND', Buffer.alloc(0))]);
}

/** A one-page PDF (enough for content detection and for a viewer). */
export const invoicePdf = (): Buffer => Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n% Invoice 2026-0042, total 129.00 EUR\ntrailer << /Root 1 0 R >>\n%%EOF\n');
