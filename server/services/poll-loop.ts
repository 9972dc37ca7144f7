/**
 * The scheduling shared by the outbox workers (webhooks, mail): run `drain` every `pollMs`, at once
 * when woken, never two drains at a time on one instance (a wake during a drain runs another right
 * after it), and `stop` waits for the drain in progress.
 */
export class PollLoop {
  private readonly pollMs: number;
  private readonly drain: () => Promise<void>;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = false;

  constructor(pollMs: number, drain: () => Promise<void>) {
    this.pollMs = pollMs;
    this.drain = drain;
  }

  get isStopped(): boolean {
    return this.stopped;
  }

  start(): void {
    this.schedule(0);
  }

  wake(): void {
    if (this.stopped) return;
    if (this.running) this.again = true;
    else this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.running = this.drain().finally(() => {
        this.running = null;
        const more = this.again;
        this.again = false;
        this.schedule(more ? 0 : this.pollMs);
      });
    }, ms);
    this.timer.unref?.();
  }
}
