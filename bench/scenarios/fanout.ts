import type { ServerFrame, Ticket } from '../../protocol/index.ts';
import type { FrameSocket } from '../lib/frame-socket.ts';
import { withTimeout } from '../lib/pool.ts';
import { summarize, type Latency } from '../lib/stats.ts';

export interface FanoutResult {
  target: string;
  listeners: number;
  events: number;
  /** Every (event, listener) delivery: trigger -> that listener has it. */
  deliveryMs: Latency;
  /** Per event: trigger -> the last listener has it. */
  allReachedMs: Latency;
  /** Per event: how long the trigger itself took (for Parley, the HTTP request creating the ticket). */
  triggerMs: Latency;
  missed: number;
}

/**
 * Fires `events` events one after another (`trigger(k)`), each to be seen by every listener as the
 * frame for which `keyOf` returns `event-k`, and times every arrival.
 */
export async function measureFanout(
  target: string,
  listeners: FrameSocket[],
  keyOf: (frame: ServerFrame) => string | null,
  trigger: (key: string) => Promise<unknown>,
  events: number,
  perEventTimeoutMs = 15000,
): Promise<FanoutResult> {
  const samples: number[] = [];
  const lastArrivals: number[] = [];
  const triggers: number[] = [];
  let missed = 0;
  let current = '';
  let t0 = 0;
  let arrived = 0;
  let allArrived: () => void = () => {};
  for (const socket of listeners) {
    socket.onFrame = (frame) => {
      if (keyOf(frame) !== current) return;
      const ms = performance.now() - t0;
      samples.push(ms);
      if (++arrived === listeners.length) {
        lastArrivals.push(ms);
        allArrived();
      }
    };
  }
  try {
    for (let k = 0; k < events; k++) {
      current = `event-${k}-${Math.random().toString(36).slice(2, 8)}`;
      arrived = 0;
      const all = new Promise<void>((resolve) => (allArrived = resolve));
      t0 = performance.now();
      await trigger(current);
      triggers.push(performance.now() - t0);
      try {
        await withTimeout(all, perEventTimeoutMs, `fan-out of ${current}`);
      } catch {
        missed += listeners.length - arrived;
      }
    }
  } finally {
    for (const socket of listeners) socket.onFrame = null;
  }
  return { target, listeners: listeners.length, events, deliveryMs: summarize(samples), allReachedMs: summarize(lastArrivals), triggerMs: summarize(triggers), missed };
}

/** A ticket as the server sends it, for the relay baseline to fan out a frame of the same size. */
export const sampleTicket = (description: string): Ticket => ({
  id: '0f8fad5b-d9cb-469f-a165-70867728950e',
  siteId: '7c9e6679-7425-40de-944b-e07fc1f90ae7',
  customer: { id: '16fd2706-8baf-433b-82eb-8c7fada847da', name: null },
  category: 'General',
  urgency: 'medium',
  description,
  status: 'open',
  assignee: null,
  rejectReason: null,
  createdAt: new Date().toISOString(),
  acceptedAt: null,
  rejectedAt: null,
  closedAt: null,
  lastSeq: 0,
});
