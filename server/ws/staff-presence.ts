import type { PresenceEntry } from '../../protocol/index.ts';
import type { Bus } from '../realtime/bus.ts';
import { PresenceBook } from './presence.ts';
import type { SocketRegistry } from './registry.ts';

const ANNOUNCE_MS = 20_000;
const ANNOUNCE_DEBOUNCE_MS = 100;
const CUSTOMER_COALESCE_MS = 250;
/** A customer needs to know that someone is there, not the whole team: a few names at most. */
const CUSTOMER_MAX = 5;

/**
 * Staff online, as customers see it: counted from this instance's staff sockets, announced to the
 * other instances on change (debounced) and periodically, and told to customers coalesced.
 */
export class StaffPresence {
  readonly book = new PresenceBook();
  private readonly bus: Bus;
  private readonly registry: SocketRegistry;
  private readonly interval: NodeJS.Timeout;
  private announceTimer: NodeJS.Timeout | null = null;
  private customerTimer: NodeJS.Timeout | null = null;
  private lastCustomerText = '';

  constructor(bus: Bus, registry: SocketRegistry) {
    this.bus = bus;
    this.registry = registry;
    this.interval = setInterval(() => this.announce(), ANNOUNCE_MS).unref();
  }

  /** What a customer is told: the first few staff online anywhere. */
  forCustomers(): PresenceEntry[] {
    return this.book.online().slice(0, CUSTOMER_MAX);
  }

  /** A staff socket came (true) or went (false). True when it was the person's first (or last) socket here. */
  staffSocket(entry: PresenceEntry, up: boolean): boolean {
    const changed = up ? this.book.add(entry) : this.book.remove(entry.id);
    if (!changed) return false;
    this.tellCustomers();
    if (this.announceTimer) return true;
    this.announceTimer = setTimeout(() => {
      this.announceTimer = null;
      this.announce();
    }, ANNOUNCE_DEBOUNCE_MS);
    return true;
  }

  /** Another instance's announcement. */
  remote(instanceId: string, staff: PresenceEntry[]): void {
    const before = JSON.stringify(this.book.online());
    this.book.setRemote(instanceId, staff);
    if (JSON.stringify(this.book.online()) !== before) this.tellCustomers();
  }

  announce(): void {
    this.bus.publish({ t: 'presence', staff: this.book.localStaff() });
  }

  /** Coalesced: a burst of staff sign-ins becomes one frame per customer, and only when the list changed. */
  private tellCustomers(): void {
    if (this.customerTimer) return;
    this.customerTimer = setTimeout(() => {
      this.customerTimer = null;
      const text = JSON.stringify({ type: 'presence', online: this.forCustomers() });
      if (text === this.lastCustomerText) return;
      this.lastCustomerText = text;
      for (const conn of this.registry.allCustomers()) conn.sendText(text);
    }, CUSTOMER_COALESCE_MS);
  }

  close(): void {
    clearInterval(this.interval);
    if (this.announceTimer) clearTimeout(this.announceTimer);
    if (this.customerTimer) clearTimeout(this.customerTimer);
  }
}
