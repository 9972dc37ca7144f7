/** Runs `task` for every index in [0, count) with at most `concurrency` in flight; keeps results in order. */
export async function mapPool<T>(count: number, concurrency: number, task: (index: number) => Promise<T>): Promise<T[]> {
  const results = new Array<T>(count);
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const i = next++;
      results[i] = await task(i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
  return results;
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Rejects after `ms` with a message naming what timed out, so a stuck scenario stops by itself. */
export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: timed out after ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Loopback source addresses for client connections: spreading clients over 127.0.0.2-127.0.0.251
 * keeps each (source, destination) pair far from the ephemeral port limit and spreads per-address
 * rate limits, without ever leaving the machine.
 */
export const loopbackSource = (index: number): string => `127.0.0.${2 + (index % 250)}`;

/** Prefixes a failure with what was being done, so a report says which step of which item failed. */
export async function step<T>(label: string, promise: Promise<T>): Promise<T> {
  try {
    return await promise;
  } catch (err) {
    const e = err as Error;
    e.message = `${label}: ${e.message}`;
    throw e;
  }
}
