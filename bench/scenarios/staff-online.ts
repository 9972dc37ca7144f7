import type { FrameSocket } from '../lib/frame-socket.ts';
import { mapPool, sleep } from '../lib/pool.ts';

export interface StaffOnlineResult {
  members: number;
  customers: number;
  /** Time for all member sockets to open and get `ready`, with no customer connected. */
  aloneMs: number;
  /** The same while `customers` customer sockets are connected (each staff change may be announced to them). */
  withCustomersMs: number;
  /** Presence frames each connected customer received while the members came online. */
  presenceFramesPerCustomer: number;
}

/**
 * A shift starting: `members` staff sockets connect, first with nobody else online, then while
 * `customers` widget sockets are connected. Staff presence is announced to customers, so the second
 * must not cost members x customers work.
 */
export async function measureStaffOnline(
  openStaff: (index: number) => Promise<FrameSocket>,
  openCustomer: (index: number) => Promise<FrameSocket>,
  members: number,
  customers: number,
  settleMs: number,
): Promise<StaffOnlineResult> {
  const shift = async () => {
    const started = performance.now();
    const staff = await mapPool(members, 32, openStaff);
    const ms = performance.now() - started;
    return { ms, staff };
  };
  const alone = await shift();
  alone.staff.forEach((s) => s.close());
  await sleep(Math.max(1000, settleMs));

  const waiting = await mapPool(customers, 32, openCustomer);
  let frames = 0;
  for (const c of waiting) c.onFrame = (f) => void (f.type === 'presence' && !f.ticketId && frames++);
  try {
    const busy = await shift();
    // Coalesced announcements arrive a little after the last member is in.
    await sleep(Math.max(1000, settleMs));
    busy.staff.forEach((s) => s.close());
    return { members, customers, aloneMs: Math.round(alone.ms), withCustomersMs: Math.round(busy.ms), presenceFramesPerCustomer: Math.round((frames / customers) * 10) / 10 };
  } finally {
    waiting.forEach((c) => c.close());
  }
}
