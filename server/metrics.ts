import { monitorEventLoopDelay } from 'node:perf_hooks';
import client from 'prom-client';

/** Prometheus metrics of one server (its own registry, so several servers can share a process in tests). */
export class Metrics {
  readonly registry = new client.Registry();
  readonly connections = new client.Gauge({ name: 'parley_connections', help: 'Open authenticated sockets', labelNames: ['kind'], registers: [this.registry] });
  readonly messages = new client.Counter({ name: 'parley_messages_total', help: 'Chat messages stored', registers: [this.registry] });
  readonly frames = new client.Counter({ name: 'parley_frames_total', help: 'Socket frames received', labelNames: ['type', 'result'], registers: [this.registry] });
  readonly sendLatency = new client.Histogram({
    name: 'parley_message_seconds', help: 'From a message frame received to its ack sent (validate, authorise, persist)',
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1], registers: [this.registry],
  });
  /** The batch writer's statements: how long each took and how many messages it carried (where a message's time goes under load). */
  readonly batchSeconds = new client.Histogram({
    name: 'parley_message_batch_seconds', help: 'One batch statement of the message writer, sent to answered',
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1], registers: [this.registry],
  });
  readonly batchMessages = new client.Histogram({
    name: 'parley_message_batch_messages', help: 'Messages per batch statement of the message writer',
    buckets: [1, 2, 5, 10, 25, 50, 100, 256], registers: [this.registry],
  });
  readonly httpLatency = new client.Histogram({
    name: 'parley_http_request_seconds', help: 'HTTP request duration', labelNames: ['method', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5], registers: [this.registry],
  });
  readonly busUp = new client.Gauge({ name: 'parley_bus_up', help: '1 while the event bus reaches the other instances, 0 while it reconnects', registers: [this.registry] });
  readonly limited = new client.Counter({
    name: 'parley_rate_limited_total', help: 'Frames and sockets refused or dropped by the fair-use limits', labelNames: ['limit'], registers: [this.registry],
  });
  readonly tickets = new client.Gauge({ name: 'parley_tickets', help: 'Tickets by status', labelNames: ['status'], registers: [this.registry] });
  readonly loopDelay = monitorEventLoopDelay({ resolution: 20 });

  constructor() {
    client.collectDefaultMetrics({ register: this.registry, prefix: 'parley_process_' });
    for (const kind of ['customer', 'member', 'admin']) this.connections.set({ kind }, 0);
    this.loopDelay.enable();
  }

  /** Event-loop lag in ms (p99 over the last window). */
  lagMs(): number {
    const v = this.loopDelay.percentile(99) / 1e6;
    this.loopDelay.reset();
    return Number.isFinite(v) ? Math.round(v * 100) / 100 : 0;
  }

  close(): void {
    this.loopDelay.disable();
  }
}
