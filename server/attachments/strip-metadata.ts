/**
 * Removes metadata from images as they stream through: in JPEG the APP1 (EXIF, XMP: camera, GPS
 * position, time) and APP13 (IPTC) segments, in PNG the eXIf and text chunks (tEXt, zTXt, iTXt).
 * Pixels and everything a decoder needs pass unchanged. Pure and streaming: it holds a segment
 * header at a time, never the file. Anything it cannot follow (a malformed file) passes as it is.
 */
export function stripMetadata(type: string, data: AsyncIterable<Buffer>): AsyncIterable<Buffer> {
  if (type === 'image/jpeg') return jpeg(new Pull(data));
  if (type === 'image/png') return png(new Pull(data));
  return data;
}

const JPEG_DROP = new Set([0xe1, 0xed]);
const PNG_DROP = new Set(['eXIf', 'tEXt', 'zTXt', 'iTXt']);

async function* jpeg(p: Pull): AsyncGenerator<Buffer> {
  const soi = await p.read(2);
  yield soi;
  if (soi.length < 2 || soi[0] !== 0xff || soi[1] !== 0xd8) return yield* p.rest();
  for (;;) {
    const m = await p.read(2);
    if (m.length < 2 || m[0] !== 0xff) {
      yield m;
      return yield* p.rest();
    }
    const marker = m[1]!;
    // Markers without a length (restarts, TEM); from SOS on comes image data, with no metadata in it.
    if (marker === 0xda || marker === 0xd9 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7) || marker === 0xff) {
      yield m;
      if (marker === 0xda || marker === 0xd9 || marker === 0xff) return yield* p.rest();
      continue;
    }
    const len = await p.read(2);
    if (len.length < 2) {
      yield m;
      yield len;
      return;
    }
    const body = len.readUInt16BE(0) - 2;
    if (JPEG_DROP.has(marker)) {
      yield* p.take(body, false);
    } else {
      yield Buffer.concat([m, len]);
      yield* p.take(body, true);
    }
  }
}

async function* png(p: Pull): AsyncGenerator<Buffer> {
  yield await p.read(8);
  for (;;) {
    const head = await p.read(8);
    if (head.length < 8) {
      if (head.length) yield head;
      return;
    }
    const type = head.toString('latin1', 4, 8);
    // Data, then the CRC.
    const rest = head.readUInt32BE(0) + 4;
    if (PNG_DROP.has(type)) {
      yield* p.take(rest, false);
    } else {
      yield head;
      yield* p.take(rest, true);
      if (type === 'IEND') return yield* p.rest();
    }
  }
}

/** Reads a stream of pieces by byte counts, holding only what a read asked for. */
class Pull {
  private buf: Buffer = Buffer.alloc(0);
  private readonly it: AsyncIterator<Buffer>;
  private done = false;
  constructor(data: AsyncIterable<Buffer>) {
    this.it = data[Symbol.asyncIterator]();
  }

  private async fill(n: number): Promise<void> {
    while (this.buf.length < n && !this.done) {
      const r = await this.it.next();
      if (r.done) this.done = true;
      else this.buf = this.buf.length ? Buffer.concat([this.buf, r.value]) : r.value;
    }
  }

  /** The next `n` bytes (fewer at the end). */
  async read(n: number): Promise<Buffer> {
    await this.fill(n);
    const out = this.buf.subarray(0, n);
    this.buf = this.buf.subarray(n);
    return out;
  }

  /** The next `n` bytes as they come, yielded when `keep`, else dropped. */
  async *take(n: number, keep: boolean): AsyncGenerator<Buffer> {
    while (n > 0) {
      if (!this.buf.length) {
        await this.fill(1);
        if (!this.buf.length) return;
      }
      const k = Math.min(n, this.buf.length);
      if (keep) yield this.buf.subarray(0, k);
      this.buf = this.buf.subarray(k);
      n -= k;
    }
  }

  rest(): AsyncGenerator<Buffer> {
    return this.take(Number.POSITIVE_INFINITY, true);
  }
}
