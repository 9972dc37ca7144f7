import { logger, type Logger } from '../log.ts';
import type { BusEvent, Envelope } from './events.ts';

export type BusHandler = (event: Envelope, local: boolean) => void;

/** Fan-out of events to this instance's hub and, on PostgreSQL, to every other instance. */
export interface Bus {
  readonly instanceId: string;
  /** False while events cannot reach the other instances (the connection is down and reconnecting). */
  readonly healthy: boolean;
  publish(event: BusEvent): void;
  subscribe(handler: BusHandler): () => void;
  close(): Promise<void>;
}

/** In-process bus: enough for one instance (and for PGlite, which is one process by nature). */
export class LocalBus implements Bus {
  readonly instanceId: string;
  get healthy(): boolean {
    return true;
  }
  protected readonly handlers = new Set<BusHandler>();
  protected readonly log: Logger;
  /** How this instance's own payloads begin (`envelope` puts `i` first), so they are dropped unparsed when the broker echoes them. */
  private readonly ownPrefix: string;
  constructor(instanceId: string, log: Logger = logger()) {
    this.instanceId = instanceId;
    this.log = log;
    this.ownPrefix = `{"i":${JSON.stringify(instanceId)},`;
  }
  publish(event: BusEvent): void {
    this.deliver(this.envelope(event), true);
  }
  /** The event as it travels: the sender's id first. */
  protected envelope(event: BusEvent): Envelope {
    return { i: this.instanceId, ...event };
  }
  subscribe(handler: BusHandler): () => void {
    this.handlers.add(handler);
    return () => this.handlers.delete(handler);
  }
  protected deliver(envelope: Envelope, local: boolean): void {
    for (const handler of this.handlers) {
      try {
        handler(envelope, local);
      } catch (err) {
        this.log.error({ err }, 'bus handler failed');
      }
    }
  }
  /** An envelope another instance sent over the wire (PostgreSQL NOTIFY, NATS): our own were delivered locally already. */
  protected receiveRemote(payload: string | undefined): void {
    if (!payload || payload.startsWith(this.ownPrefix)) return;
    let envelope: Envelope;
    try {
      envelope = JSON.parse(payload);
    } catch {
      return;
    }
    if (envelope.i === this.instanceId) return;
    this.deliver(envelope, false);
  }
  async close(): Promise<void> {
    this.handlers.clear();
  }
}
