import WebSocket from 'ws';
import { freePort, httpStatus, type Child } from './proc.ts';
import { sleep, withTimeout } from './pool.ts';

export interface HeapFigures {
  /** V8 heap in use plus memory held outside it (socket buffers, ArrayBuffers), after a full GC. */
  liveBytes: number;
  rssBytes: number;
}

/**
 * A DevTools-protocol session with a child started with `--inspect`: forces a full garbage
 * collection and reads `process.memoryUsage()`, so memory per socket is live memory, not whatever
 * garbage the heap happened to hold. Measurement only; the server under test is not changed.
 */
export class Inspector {
  private readonly ws: WebSocket;
  private nextId = 1;
  private readonly pending = new Map<number, (result: unknown) => void>();

  private constructor(ws: WebSocket) {
    this.ws = ws;
    ws.on('message', (data) => {
      const msg = JSON.parse(data.toString()) as { id?: number; result?: unknown };
      if (msg.id !== undefined) this.pending.get(msg.id)?.(msg.result);
    });
  }

  /** A free port for `--inspect=127.0.0.1:<port>`. */
  static flag = async (): Promise<{ flag: string; port: number }> => {
    const port = await freePort();
    return { flag: `--inspect=127.0.0.1:${port}`, port };
  };

  static async attach(port: number): Promise<Inspector> {
    for (let i = 0; i < 100 && (await httpStatus(`http://127.0.0.1:${port}/json/list`)) !== 200; i++) await sleep(50);
    const list = (await (await fetch(`http://127.0.0.1:${port}/json/list`)).json()) as { webSocketDebuggerUrl: string }[];
    const ws = new WebSocket(list[0].webSocketDebuggerUrl, { perMessageDeflate: false });
    await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
    return new Inspector(ws);
  }

  private call(method: string, params: object = {}): Promise<unknown> {
    const id = this.nextId++;
    const done = new Promise<unknown>((resolve) => this.pending.set(id, resolve));
    this.ws.send(JSON.stringify({ id, method, params }));
    return withTimeout(done, 30000, `inspector ${method}`).finally(() => this.pending.delete(id));
  }

  async measure(child: Child): Promise<HeapFigures> {
    await this.call('HeapProfiler.collectGarbage');
    const r = (await this.call('Runtime.evaluate', { expression: 'JSON.stringify(process.memoryUsage())', returnByValue: true })) as { result: { value: string } };
    const m = JSON.parse(r.result.value) as NodeJS.MemoryUsage;
    return { liveBytes: m.heapUsed + m.external, rssBytes: await child.rssBytes() };
  }

  close(): void {
    this.ws.terminate();
  }
}
