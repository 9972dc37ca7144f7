import { connect, type NatsConnection } from '@nats-io/transport-node';
import type { Logger } from '../log.ts';
import { LocalBus } from './bus.ts';
import type { BusEvent } from './events.ts';

/** One subject per deployment (the database's `deployment` row), so deployments sharing a NATS server never hear each other. */
export const subjectOf = (deploymentId: string) => `parley.${deploymentId}.events`;

/**
 * The bus on a NATS server (`PARLEY_BUS_URL=nats://…`), for when one PostgreSQL's NOTIFY is the
 * limit: publishing takes no database connection and no commit lock. Core NATS is at most once,
 * like NOTIFY, and the database stays the log: after the connection comes back the bus asks every
 * instance (itself included) to resync from the database (`{t: 'resync', since}`), as the PostgreSQL
 * bus does. The client reconnects by itself, forever, with its own backoff.
 */
export class NatsBus extends LocalBus {
  private readonly nc: NatsConnection;
  private readonly subject: string;
  /** When the connection was lost (ms epoch), or null while it is up. */
  private downSince: number | null = null;
  private closed = false;

  private constructor(nc: NatsConnection, subject: string, instanceId: string, log?: Logger) {
    super(instanceId, log);
    this.nc = nc;
    this.subject = subject;
    nc.subscribe(subject, { callback: (err, msg) => (err ? this.log.error({ err }, 'event bus: subscription failed') : this.receiveRemote(msg.string())) });
    void this.watch();
  }

  static async connect(url: string, deploymentId: string, instanceId: string, log?: Logger): Promise<NatsBus> {
    const nc = await connect({ servers: url, name: `parley-${instanceId}`, maxReconnectAttempts: -1, reconnectTimeWait: 500 });
    return new NatsBus(nc, subjectOf(deploymentId), instanceId, log);
  }

  /** False while the connection to NATS is down (events do not cross instances until it is back). */
  override get healthy(): boolean {
    return this.downSince === null && !this.nc.isClosed();
  }

  override publish(event: BusEvent): void {
    const envelope = this.envelope(event);
    this.deliver(envelope, true);
    if (this.downSince !== null || this.closed) return; // down: the resync after reconnecting covers it
    try {
      this.nc.publish(this.subject, JSON.stringify(envelope));
    } catch (err) {
      this.log.error({ err }, 'event bus: publish failed');
    }
  }

  private async watch(): Promise<void> {
    for await (const s of this.nc.status()) {
      if (s.type === 'disconnect') {
        this.downSince ??= Date.now();
        this.log.warn('event bus: NATS connection lost; reconnecting');
      } else if (s.type === 'reconnect') {
        const since = this.downSince ?? Date.now();
        this.downSince = null;
        this.publish({ t: 'resync', since });
      }
    }
  }

  override async close(): Promise<void> {
    this.closed = true;
    await super.close();
    await this.nc.drain().catch(() => this.nc.close());
  }
}
