import type { FrameSocket } from '../lib/frame-socket.ts';
import type { HeapFigures } from '../lib/inspector.ts';
import { mapPool, sleep } from '../lib/pool.ts';
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
  /** (live memory now - live memory before any socket) / open sockets, live = heap + external after a full GC. */
  bytesPerSocket: number;
  /** The same from RSS (includes what the allocator keeps). */
  rssBytesPerSocket: number;
}

export interface ConnectionsResult {
  target: string;
  idleRssBytes: number;
  idleLiveBytes: number;
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
  measure: () => Promise<HeapFigures>,
  open: (index: number) => Promise<FrameSocket>,
  levels: number[],
  timeCapMs: number,
  settleMs: number,
): Promise<ConnectionsResult> {
  const sockets: FrameSocket[] = [];
  const deadline = performance.now() + timeCapMs;
  // Warm-up: the first sockets also pay for code and buffers created once; keep that out of the figure.
  const warm = await mapPool(Math.min(100, levels[0]), 32, open);
  warm.forEach((s) => s.close());
  await sleep(Math.max(500, settleMs));
  const idle = await measure();
  const result: ConnectionsResult = { target, idleRssBytes: idle.rssBytes, idleLiveBytes: idle.liveBytes, levels: [], held: 0, firstError: null };
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
      await sleep(settleMs);
      const now = await measure();
      const alive = sockets.filter((s) => s.ws.readyState === s.ws.OPEN).length;
      const per = (bytes: number) => (alive ? Math.round(bytes / alive) : 0);
      result.levels.push({
        target: level,
        open: alive,
        failed,
        openMs: Math.round(openMs),
        openedPerSec: perSecond(alive - from, openMs),
        rssBytes: now.rssBytes,
        bytesPerSocket: per(now.liveBytes - idle.liveBytes),
        rssBytesPerSocket: per(now.rssBytes - idle.rssBytes),
      });
      if (failed > 0 || alive < level) break;
      result.held = alive;
    }
  } finally {
    for (const s of sockets) s.close();
    await sleep(500);
  }
  return result;
}
