import type { PresenceEntry } from '../../protocol/index.ts';

const REMOTE_TTL_MS = 60_000;

/** Staff online across instances: ours, counted from sockets, plus what the others announce. */
export class PresenceBook {
  private readonly local = new Map<string, { entry: PresenceEntry; sockets: number }>();
  private readonly remote = new Map<string, { staff: PresenceEntry[]; at: number }>();

  /** Returns true when the set of staff online on this instance changed. */
  add(entry: PresenceEntry): boolean {
    const cur = this.local.get(entry.id);
    if (cur) {
      cur.sockets++;
      return false;
    }
    this.local.set(entry.id, { entry, sockets: 1 });
    return true;
  }

  remove(id: string): boolean {
    const cur = this.local.get(id);
    if (!cur) return false;
    if (--cur.sockets > 0) return false;
    this.local.delete(id);
    return true;
  }

  localStaff(): PresenceEntry[] {
    return [...this.local.values()].map((v) => v.entry);
  }

  setRemote(instance: string, staff: PresenceEntry[], now = Date.now()): void {
    if (staff.length) this.remote.set(instance, { staff, at: now });
    else this.remote.delete(instance);
  }

  /** Everyone online anywhere, each person once. */
  online(now = Date.now()): PresenceEntry[] {
    const all = new Map<string, PresenceEntry>();
    for (const e of this.localStaff()) all.set(e.id, e);
    for (const [instance, r] of this.remote) {
      if (now - r.at > REMOTE_TTL_MS) {
        this.remote.delete(instance);
        continue;
      }
      for (const e of r.staff) all.set(e.id, e);
    }
    return [...all.values()];
  }
}
