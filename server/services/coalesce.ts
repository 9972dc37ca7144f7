/**
 * Gathers items added within one turn (and while the previous run is busy) into one call of `run`,
 * one run at a time: follow-up work of a message batch costs one statement, not one per message.
 * `add` resolves (or rejects) with the run that took the item.
 */
export class Coalescer<T> {
  private readonly run: (items: T[]) => Promise<unknown>;
  private pending: T[] = [];
  private next: Promise<void> | null = null;
  private busy: Promise<void> = Promise.resolve();

  constructor(run: (items: T[]) => Promise<unknown>) {
    this.run = run;
  }

  add(item: T): Promise<void> {
    this.pending.push(item);
    // After the run in progress and one more macrotask, so every item of the current burst joins.
    this.next ??= this.busy
      .then(() => new Promise<void>((ok) => setImmediate(ok)))
      .then(async () => {
        const items = this.pending;
        this.pending = [];
        this.next = null;
        await this.run(items);
      });
    const taken = this.next;
    this.busy = taken.catch(() => {});
    return taken;
  }
}
