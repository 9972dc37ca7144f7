import { spawn, type ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { sleep } from './pool.ts';

/** A child process under test: its own CPU and memory, measured apart from the load generator. */
export interface Child {
  process: ChildProcess;
  pid: number;
  /** Everything it printed so far (stdout and stderr), for error messages. */
  output(): string;
  rssBytes(): Promise<number>;
  stop(): Promise<void>;
}

export const repoRoot = new URL('../../', import.meta.url).pathname;

// Children run in their own process groups, so they would outlive a bench that is interrupted.
const live = new Set<number>();
process.once('exit', () => {
  for (const pid of live) {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
});

/** Asks the OS for a free loopback port (the child then binds it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

/** Starts `node <args>` from the repository root. Output is kept (bounded) for diagnostics. */
export function spawnNode(args: string[], env: Record<string, string | undefined>, opts: { ipc?: boolean } = {}): Child {
  return spawnChild(process.execPath, args, env, opts);
}

/**
 * Starts a command in its own process group (so `npm start` and the node it runs stop together).
 * `pid` is the command's own process. `ipc`: a message channel (process.send) to a node child.
 */
export function spawnChild(command: string, args: string[], env: Record<string, string | undefined>, opts: { ipc?: boolean } = {}): Child {
  const stdio = opts.ipc ? (['ignore', 'pipe', 'pipe', 'ipc'] as const) : (['ignore', 'pipe', 'pipe'] as const);
  const child = spawn(command, args, { cwd: repoRoot, env: { ...process.env, ...env }, stdio: [...stdio], detached: true });
  live.add(child.pid!);
  child.once('exit', () => live.delete(child.pid!));
  let out = '';
  const keep = (chunk: Buffer) => {
    out = (out + chunk.toString()).slice(-20000);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    process: child,
    pid: child.pid!,
    output: () => out,
    rssBytes: () => rssOf(child.pid!),
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const group = (signal: NodeJS.Signals) => {
        try {
          process.kill(-child.pid!, signal);
        } catch {
          // already gone
        }
      };
      group('SIGTERM');
      const done = await Promise.race([exited.then(() => true), sleep(10000).then(() => false)]);
      if (!done) {
        group('SIGKILL');
        await exited;
      }
    },
  };
}

/** Resident set size of a process, from /proc (Linux). */
export async function rssOf(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kb = /VmRSS:\s+(\d+)\s+kB/.exec(status);
  if (!kb) throw new Error(`no VmRSS for pid ${pid}`);
  return Number(kb[1]) * 1024;
}

/** Resolves with the status of GET url, or 0 when nothing answers. */
export function httpStatus(url: string): Promise<number> {
  return new Promise((resolve) => {
    const req = request(url, { agent: false, timeout: 1000 }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', () => resolve(0));
    req.on('timeout', () => req.destroy());
    req.end();
  });
}

/** Polls `url` until it answers 200; fails early when the child dies, and after `timeoutMs`. */
export async function waitReady(child: Child, url: string, timeoutMs: number): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (performance.now() < deadline) {
    if (child.process.exitCode !== null) throw new Error(`process exited with ${child.process.exitCode}:\n${child.output()}`);
    if ((await httpStatus(url)) === 200) return;
    await sleep(10);
  }
  throw new Error(`not ready after ${timeoutMs} ms at ${url}:\n${child.output()}`);
}

/** CPU time (user + system) a process has used so far, in milliseconds, from /proc/<pid>/stat. */
export async function cpuMsOf(pid: number): Promise<number> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name (which may contain spaces) start after the last ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]);
  return (ticks * 1000) / 100; // USER_HZ is 100 on Linux
}
