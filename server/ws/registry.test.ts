import { describe, expect, it } from 'vitest';
import type { FairUseLimits } from '../config.ts';
import { Metrics } from '../metrics.ts';
import type { Connection } from './connection.ts';
import { SocketRegistry } from './registry.ts';

describe('the heartbeat', () => {
  it('pings every socket in slices a turn apart, and cuts off one that did not answer the last ping', async () => {
    const metrics = new Metrics();
    const registry = new SocketRegistry(metrics, {} as FairUseLimits);
    const pinged: number[] = [];
    const cut: number[] = [];
    const conns = Array.from({ length: 1234 }, (_, i) => ({
      alive: i !== 700,
      ws: { ping: () => pinged.push(i), terminate: () => cut.push(i) },
    }));
    for (const c of conns) registry.connections.add(c as unknown as Connection);
    const done = registry.heartbeat();
    // The first slice goes at once; the loop is free before the rest.
    expect(pinged.length).toBe(500);
    await done;
    expect(cut).toEqual([700]);
    expect(pinged.length).toBe(1233);
    expect(conns.filter((c, i) => i !== 700 && c.alive)).toEqual([]);
    metrics.close();
  });
});
