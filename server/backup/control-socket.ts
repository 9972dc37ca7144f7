import { chmodSync, existsSync, unlinkSync } from 'node:fs';
import { connect, createServer, type Server } from 'node:net';
import { join } from 'node:path';
import type { Database } from '../db/orm.ts';
import { dumpRunning } from './pglite-archive.ts';

/**
 * A Unix socket in the data folder through which `npm run backup` asks the running server for a
 * copy of its embedded database (only the server may open PGlite's files while it runs). Reaching
 * it takes access to the data folder, which already holds everything.
 */
export function controlSocketPath(dataDir: string): string {
  return join(dataDir, 'parley.sock');
}

/** Serves `backup` requests: one JSON header line (`{ok, bytes}` or `{ok: false, error}`), then the archive. */
export async function listenControl(dataDir: string, db: Database): Promise<Server> {
  const path = controlSocketPath(dataDir);
  // A socket file left by a server that did not stop cleanly: nobody answers on it.
  if (existsSync(path) && !(await answers(path))) unlinkSync(path);
  const server = createServer((socket) => {
    socket.on('error', () => socket.destroy());
    socket.once('data', async (chunk) => {
      if (chunk.toString().trim() !== 'backup') return socket.end(`${JSON.stringify({ ok: false, error: 'unknown command' })}\n`);
      try {
        const bytes = await dumpRunning(db);
        socket.write(`${JSON.stringify({ ok: true, bytes: bytes.length })}\n`);
        socket.end(bytes);
      } catch (err) {
        socket.end(`${JSON.stringify({ ok: false, error: (err as Error).message })}\n`);
      }
    });
  });
  await new Promise<void>((ok, fail) => server.once('error', fail).listen(path, () => ok()));
  chmodSync(path, 0o600);
  return server;
}

/** Whether a server answers on the socket at `path`. */
export function answers(path: string): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(path);
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });
}

/** Asks the server on `path` for a backup; null when no server answers there. */
export function requestBackup(path: string): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const socket = connect(path);
    const chunks: Buffer[] = [];
    let connected = false;
    socket.once('connect', () => {
      connected = true;
      socket.write('backup\n');
    });
    socket.on('data', (d: Buffer) => chunks.push(d));
    socket.once('error', (err) => (connected ? reject(err) : resolve(null)));
    socket.once('end', () => {
      const all = Buffer.concat(chunks);
      const nl = all.indexOf(0x0a);
      const header = JSON.parse(all.subarray(0, nl).toString()) as { ok: boolean; bytes?: number; error?: string };
      if (!header.ok) return reject(new Error(header.error));
      const body = all.subarray(nl + 1);
      if (body.length !== header.bytes) return reject(new Error(`the backup was cut short (${body.length} of ${header.bytes} bytes)`));
      resolve(body);
    });
  });
}
