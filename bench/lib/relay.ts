import { freePort, spawnNode, waitReady, type Child } from './proc.ts';

/** A baseline relay (bare ws or Socket.IO) in its own child process, like the server under test. */
export interface Relay {
  url: string;
  wsUrl: string;
  child: Child;
  startupMs: number;
  close(): Promise<void>;
}

export async function startRelay(kind: 'ws' | 'socketio', nodeFlags: string[] = []): Promise<Relay> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const started = performance.now();
  const child = spawnNode([...nodeFlags, kind === 'ws' ? 'bench/baselines/ws-relay.ts' : 'bench/baselines/socketio-relay.ts'], { PORT: String(port) });
  try {
    await waitReady(child, `${url}/healthz`, 20000);
  } catch (err) {
    await child.stop();
    throw err;
  }
  return { url, wsUrl: `ws://127.0.0.1:${port}/ws`, child, startupMs: performance.now() - started, close: () => child.stop() };
}
