import type { FrameSocket } from '../lib/frame-socket.ts';
import { mapPool, sleep } from '../lib/pool.ts';
import { rssOf } from '../lib/proc.ts';
import { perSecond } from '../lib/stats.ts';

export interface ConnectionLevel {
  target: number;
  /** Sockets open and authenticated (each got `ready`) at this level. */
  open: number;
  failed: number;
  openMs: number;
  /** Sockets opened and authenticated per second while reaching this level (64 at a time). */
  openedPerSec: number;
  rssBytes: number;
  /** (RSS now - RSS before any socket) / open sockets. */
  bytesPerSocket: number;
  /** (RSS now - RSS at the previous level) / sockets added since: the cost of one more socket. */
  marginalBytesPerSocket: number;
}

export interface ConnectionsResult {
  target: string;
  idleRssBytes: number;
  levels: ConnectionLevel[];
  /** The most sockets that were all open and authenticated at once. */
  held: number;
  firstError: string | null;
}

/**
 * Opens idle authenticated sockets level by level (e.g. 1,000 then 10,000) against one server and
 * reads its memory at each level. Stops at the first level that fails or at the time cap.
 */
export async function measureConnections(
  target: string,
  pid: number,
  open: (index: number) => Promise<FrameSocket>,
  levels: number[],
  timeCapMs: number,
  settleMs: number,
): Promise<ConnectionsResult> {
  const sockets: FrameSocket[] = [];
  const deadline = performance.now() + timeCapMs;
  const settle = () => sleep(settleMs);
  // Warm-up: the first sockets also pay for code and buffers created once; keep that out of the figure.
  const warm = await mapPool(Math.min(100, levels[0]), 32, open);
  warm.forEach((s) => s.close());
  await sleep(Math.max(500, settleMs));
  const idleRssBytes = await rssOf(pid);
  let prev = { rss: idleRssBytes, open: 0 };
  const result: ConnectionsResult = { target, idleRssBytes, levels: [], held: 0, firstError: null };
  try {
    for (const level of levels) {
      const started = performance.now();
      let failed = 0;
      const from = sockets.length;
      await mapPool(level - from, 64, async (k) => {
        if (performance.now() > deadline) return void failed++;
        try {
          sockets.push(await open(from + k));
        } catch (err) {
          failed++;
          result.firstError ??= (err as Error).message;
        }
      });
      const openMs = performance.now() - started;
      await settle();
      const rssBytes = await rssOf(pid);
      const alive = sockets.filter((s) => s.ws.readyState === s.ws.OPEN).length;
      result.levels.push({
        target: level,
        open: alive,
        failed,
        openMs: Math.round(openMs),
        openedPerSec: perSecond(alive - prev.open, openMs),
        rssBytes,
        bytesPerSocket: alive ? Math.round((rssBytes - idleRssBytes) / alive) : 0,
        marginalBytesPerSocket: alive > prev.open ? Math.round((rssBytes - prev.rss) / (alive - prev.open)) : 0,
      });
      prev = { rss: rssBytes, open: alive };
      if (failed > 0 || alive < level) break;
      result.held = alive;
    }
  } finally {
    for (const s of sockets) s.close();
    await sleep(500);
  }
  return result;
}
