import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Attachment } from '../../protocol/index.ts';
import { CHUNK_BYTES } from '../../server/attachments/storage.ts';
import { cast, newTicket } from '../../server/testing/api.ts';
import { startTestServer } from '../../server/testing/test-server.ts';
import { png } from '../../server/testing/files.ts';

export interface AttachmentsResult {
  /** Bytes per file, and files moved each way (one after another). */
  bytes: number;
  files: number;
  uploadMBps: number;
  downloadMBps: number;
  /** Baseline: the same bytes as the same 256 KiB bytea rows, inserted by the database handle directly (one row per statement, like the store). */
  dbWriteMBps: number;
  /**
   * Peak growth of the process's JS memory (heap + array buffers, sampled every 5 ms) during one
   * upload over the resting level just before it. The client is curl (another process), so this is
   * the server's, garbage not yet collected included; on PGlite the database's WebAssembly memory too.
   */
  peakGrowthMB: number;
}

const run = async (cmd: string, args: string[]) => (await promisify(execFile)(cmd, args, { maxBuffer: 1 << 20 })).stdout;
const mb = (bytes: number, ms: number) => bytes / 1048576 / (ms / 1000);
const jsMemory = () => {
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
};

/**
 * In this process (so its memory can be read): a real server on a fresh database (PGlite, or
 * PostgreSQL with DATABASE_URL), `files` uploads of a `sizeMb` file (a PNG, padded to size) and as many downloads, beside the database writing the same rows itself.
 */
export async function measureAttachments(sizeMb: number, files: number): Promise<AttachmentsResult> {
  const bytes = Math.round(sizeMb * 1048576);
  const server = await startTestServer({ config: { maxUploadBytes: bytes, logLevel: 'silent' } });
  try {
    const c = await cast(server.url, server.admin);
    const ticket = (await newTicket(c.customer, 'bench files')).body;
    const accepted = await c.member.post(`/api/tickets/${ticket.id}/accept`);
    if (accepted.status !== 200) throw new Error(`accept answered ${accepted.status}`);
    // A real PNG header and a large private chunk: it streams through the metadata stripper too.
    const body = png(1600, 1200, [], bytes);
    const dir = await mkdtemp(join(tmpdir(), 'parley-bench-'));
    const path = join(dir, 'file.png');
    await writeFile(path, body);
    const sent: Attachment[] = [];
    let peak = 0;
    let uploadMs = 0;
    for (let i = 0; i < files; i++) {
      (globalThis as { gc?: () => void }).gc?.();
      const rest = jsMemory();
      let top = rest;
      const sampler = setInterval(() => (top = Math.max(top, jsMemory())), 5);
      const t = performance.now();
      // curl, another process, sends the file: what this process holds is the server's alone.
      const out = await run('curl', ['-s', '-H', `authorization: Bearer ${c.customer.token}`, '-H', `origin: ${c.origin}`, '-F', `file=@${path};filename=bench-${i}.png`,
        `${server.url}/api/tickets/${ticket.id}/attachments`]);
      uploadMs += performance.now() - t;
      clearInterval(sampler);
      const r = JSON.parse(out) as Attachment & { error?: unknown };
      if (r.error) throw new Error(`upload answered ${out}`);
      peak = Math.max(peak, top - rest);
      sent.push(r);
    }
    let downloadMs = 0;
    for (const a of sent) {
      const t = performance.now();
      const res = await fetch(new URL(a.url, server.url));
      let got = 0;
      for await (const piece of res.body!) got += (piece as Uint8Array).length;
      downloadMs += performance.now() - t;
      if (got !== bytes) throw new Error(`download gave ${got} of ${bytes} bytes`);
    }
    const db = server.services.db;
    await db.sql('create table bench_chunks (id int not null, n int not null, data bytea not null, primary key (id, n))');
    const t = performance.now();
    for (let i = 0; i < files; i++) {
      for (let n = 0, at = 0; at < bytes; n++, at += CHUNK_BYTES) {
        await db.sql('insert into bench_chunks (id, n, data) values (?, ?, ?)', [i, n, body.subarray(at, at + CHUNK_BYTES)]);
      }
    }
    const dbMs = performance.now() - t;
    await db.sql('drop table bench_chunks');
    await rm(dir, { recursive: true, force: true });
    return {
      bytes, files,
      uploadMBps: mb(bytes * files, uploadMs),
      downloadMBps: mb(bytes * files, downloadMs),
      dbWriteMBps: mb(bytes * files, dbMs),
      peakGrowthMB: peak / 1048576,
    };
  } finally {
    await server.close();
  }
}
