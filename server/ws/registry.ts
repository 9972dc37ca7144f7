import type { FairUseLimits } from '../config.ts';
import { isStaff, type SocketActor } from '../domain/index.ts';
import type { Metrics } from '../metrics.ts';
import type { Connection } from './connection.ts';

/** Sockets pinged per turn of the event loop. */
const HEARTBEAT_SLICE = 500;

type Kind = 'customer' | 'member' | 'admin';
const kindOf = (a: SocketActor): Kind => (a.kind === 'customer' ? 'customer' : a.role);

function bump(map: Map<string, number>, key: string, delta: number): void {
  const n = (map.get(key) ?? 0) + delta;
  if (n > 0) map.set(key, n);
  else map.delete(key);
}

/**
 * Every socket of this instance, indexed by who is behind it (staff, each customer), with the counts
 * the caps and the metrics need. Knows nothing of rooms or presence.
 */
export class SocketRegistry {
  readonly connections = new Set<Connection>();
  readonly staff = new Set<Connection>();
  private readonly customers = new Map<string, Set<Connection>>();
  private readonly counts: Record<Kind, number> = { customer: 0, member: 0, admin: 0 };
  private readonly unauthenticated = new Map<string, number>();
  private readonly perSession = new Map<string, number>();
  private readonly perToken = new Map<string, number>();
  private readonly metrics: Metrics;
  private readonly limits: FairUseLimits;

  constructor(metrics: Metrics, limits: FairUseLimits) {
    this.metrics = metrics;
    this.limits = limits;
  }

  /** May one more socket that has not authenticated come from this address? */
  admitsUnauthenticated(address: string): boolean {
    return (this.unauthenticated.get(address) ?? 0) < this.limits.unauthenticatedSocketsPerAddress;
  }

  /** May one more socket use this staff session / visitor token? */
  admitsSession(sessionId: string): boolean {
    return (this.perSession.get(sessionId) ?? 0) < this.limits.socketsPerStaffSession;
  }
  admitsToken(tokenId: string): boolean {
    return (this.perToken.get(tokenId) ?? 0) < this.limits.socketsPerVisitorToken;
  }

  add(conn: Connection): void {
    this.connections.add(conn);
    bump(this.unauthenticated, conn.address, 1);
  }

  /** Files a socket under its actor once it authenticated. */
  authenticated(conn: Connection): void {
    const a = conn.actor!;
    bump(this.unauthenticated, conn.address, -1);
    if (conn.sessionId) bump(this.perSession, conn.sessionId, 1);
    if (conn.tokenId) bump(this.perToken, conn.tokenId, 1);
    if (isStaff(a)) this.staff.add(conn);
    else {
      let set = this.customers.get(a.id);
      if (!set) this.customers.set(a.id, (set = new Set()));
      set.add(conn);
    }
    this.count(a, 1);
  }

  /** Forgets a socket; returns false when it was already gone. */
  remove(conn: Connection): boolean {
    if (!this.connections.delete(conn)) return false;
    const a = conn.actor;
    if (!a) {
      bump(this.unauthenticated, conn.address, -1);
      return true;
    }
    if (conn.sessionId) bump(this.perSession, conn.sessionId, -1);
    if (conn.tokenId) bump(this.perToken, conn.tokenId, -1);
    if (isStaff(a)) this.staff.delete(conn);
    else {
      const set = this.customers.get(a.id);
      set?.delete(conn);
      if (set?.size === 0) this.customers.delete(a.id);
    }
    this.count(a, -1);
    return true;
  }

  /** The sockets of one customer. */
  ofCustomer(customerId: string): Iterable<Connection> {
    return this.customers.get(customerId) ?? [];
  }

  /** How many sockets of this customer are open here. */
  customerSockets(customerId: string): number {
    return this.customers.get(customerId)?.size ?? 0;
  }

  /** The customers with a socket open here. */
  customerIds(): Iterable<string> {
    return this.customers.keys();
  }

  /** Every customer socket. */
  *allCustomers(): Iterable<Connection> {
    for (const set of this.customers.values()) yield* set;
  }

  /**
   * Pings every socket; one that did not answer the previous ping is cut off. In slices of
   * HEARTBEAT_SLICE sockets, a turn of the event loop apart: 10,000 pings in one go held the loop
   * (and every message waiting on it) for a few hundred ms (open-loop bench, README "Benchmarks").
   * Resolves when every socket had its turn.
   */
  async heartbeat(): Promise<void> {
    const all = [...this.connections];
    for (let i = 0; i < all.length; i += HEARTBEAT_SLICE) {
      if (i) await new Promise((ok) => setImmediate(ok));
      for (const conn of all.slice(i, i + HEARTBEAT_SLICE)) {
        if (!this.connections.has(conn)) continue;
        if (!conn.alive) {
          conn.ws.terminate();
          continue;
        }
        conn.alive = false;
        conn.ws.ping();
      }
    }
  }

  private count(actor: SocketActor, delta: number): void {
    const kind = kindOf(actor);
    this.counts[kind] += delta;
    this.metrics.connections.set({ kind }, this.counts[kind]);
  }

  /** Authenticated sockets on this instance, by kind. */
  connectionCounts(): { customers: number; members: number; admins: number } {
    return { customers: this.counts.customer, members: this.counts.member, admins: this.counts.admin };
  }
}
