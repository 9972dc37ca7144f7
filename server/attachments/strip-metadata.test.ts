import { describe, expect, it } from 'vitest';
import { jpeg, png, pngChunk } from '../testing/files.ts';
import { stripMetadata } from './strip-metadata.ts';

async function run(type: string, bytes: Buffer, pieceSize: number): Promise<Buffer> {
  async function* pieces() {
    for (let i = 0; i < bytes.length; i += pieceSize) yield bytes.subarray(i, i + pieceSize);
  }
  const out: Buffer[] = [];
  for await (const b of stripMetadata(type, pieces())) out.push(b);
  return Buffer.concat(out);
}

describe('stripMetadata', () => {
  it.each([1, 3, 7, 64, 100_000])('drops the EXIF and XMP segments of a JPEG, keeps the rest byte for byte (pieces of %i)', async (size) => {
    const out = await run('image/jpeg', jpeg(40, 30), size);
    expect(out.equals(jpeg(40, 30, false))).toBe(true);
    expect(out.toString('latin1')).not.toMatch(/GPS|Exif|secret/);
  });

  it.each([1, 5, 4096])('drops eXIf and text chunks of a PNG (pieces of %i)', async (size) => {
    const meta = [pngChunk('tEXt', Buffer.from('Author\0Jane at 51.5N')), pngChunk('eXIf', Buffer.from('MM\0*GPS')), pngChunk('iTXt', Buffer.from('XML:com.adobe.xmp\0\0\0\0\0<x/>'))];
    const out = await run('image/png', png(8, 8, meta, 2000), size);
    const plain = png(8, 8, [], 2000 - meta.reduce((n, m) => n + m.length, 0));
    expect(out.toString('latin1')).not.toMatch(/Jane|GPS|xmp/);
    expect(out.subarray(0, 33).equals(plain.subarray(0, 33))).toBe(true);
    expect(out.subarray(-12).equals(plain.subarray(-12))).toBe(true);
  });

  it('passes other types, truncated and malformed images through without failing', async () => {
    const pdf = Buffer.from('%PDF-1.4 Exif GPS');
    expect((await run('application/pdf', pdf, 2)).equals(pdf)).toBe(true);
    const cut = jpeg(4, 4).subarray(0, 30);
    expect((await run('image/jpeg', cut, 3)).length).toBeLessThanOrEqual(30);
    const notJpeg = Buffer.from('not a jpeg at all');
    expect((await run('image/jpeg', notJpeg, 4)).equals(notJpeg)).toBe(true);
    const cutPng = png(4, 4).subarray(0, 20);
    expect((await run('image/png', cutPng, 3)).equals(cutPng)).toBe(true);
  });
});
