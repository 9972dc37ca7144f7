import { crc32 } from 'node:zlib';

/** Small real files for attachment tests and the bench, made in memory. */

const pngChunk = (type: string, data: Buffer): Buffer => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
};

/** A PNG of `width`×`height` (the header is real; the pixel data is a stand-in), padded to `size` bytes with a private chunk. */
export function png(width: number, height: number, extra: Buffer[] = [], size = 0): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  const parts = [Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), pngChunk('IHDR', ihdr), ...extra, pngChunk('IDAT', Buffer.from([0x78, 0x9c, 0x63, 0, 0, 0, 1, 0, 1]))];
  const fixed = parts.reduce((n, p) => n + p.length, 0) + 12;
  if (size > fixed + 12) parts.push(pngChunk('prVt', Buffer.alloc(size - fixed - 12, 7)));
  parts.push(pngChunk('IEND', Buffer.alloc(0)));
  return Buffer.concat(parts);
}
export { pngChunk };

/** The beginning of a PDF, enough for content detection. */
export const pdf = (text = 'invoice'): Buffer => Buffer.from(`%PDF-1.4\n1 0 obj << /Title (${text}) >> endobj\ntrailer << >>\n%%EOF\n`);

/** A Windows executable's first bytes. */
export const exe = (): Buffer => Buffer.concat([Buffer.from('MZ'), Buffer.alloc(62), Buffer.from('PE\0\0'), Buffer.alloc(200, 0x90)]);
