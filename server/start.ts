import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Server as NetServer } from 'node:net';
import { listenControl } from './backup/control-socket.ts';
import { loadConfig, type Config } from './config.ts';
import { openDatabase, type Database } from './db/orm.ts';
import { createApp } from './http/app.ts';
import { answerClientErrors, httpServerOptions } from './http/server-options.ts';
import { Metrics } from './metrics.ts';
import { LocalBus, type Bus } from './realtime/bus.ts';
import { deploymentId } from './db/deployment.ts';
import { PgBus } from './realtime/pg-bus.ts';
import { Readiness } from './readiness.ts';
import { createServices, type Services } from './services/index.ts';
import { CLOSE_RESTART } from './ws/close-codes.ts';
import { Hub } from './ws/hub.ts';
import { upgradeHandler } from './ws/upgrade.ts';
import { logger } from './log.ts';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export interface RunningServer {
  url: string;
  port: number;
  server: Server;
  services: Services;
  hub: Hub;
  readiness: Readiness;
  /** Stops at once: sockets are cut, nothing waits. */
  close(): Promise<void>;
  /**
   * Stops gracefully (SIGTERM): refuses new requests and sockets, lets the frames and requests being
   * handled finish, closes sockets with CLOSE_RESTART, then closes the bus and the database; past
   * `config.shutdownSeconds` it cuts what is left. Resolves true when everything finished in time.
   */
  shutdown(): Promise<boolean>;
}

/**
 * Listens first (answering 503 on `/readyz` meanwhile), then opens the database (running
 * migrations), wires services, HTTP and WebSocket, and starts serving.
 */
export async function startServer(overrides: Partial<Config> = {}): Promise<RunningServer> {
  const config = { ...loadConfig(), ...overrides };
  const log = (line: string) => config.logLevel !== 'silent' && console.log(line);
  const readiness = new Readiness();
  const server = createServer(httpServerOptions(config.requestTimeoutMs), readiness.request);
  answerClientErrors(server);
  server.on('upgrade', readiness.upgrade);
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(config.port, config.host, () => ok());
  });
  const port = (server.address() as AddressInfo).port;
  const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  const url = `http://${host}:${port}`;
  if (!config.publicUrl) config.publicUrl = url;

  let db: Database | null = null;
  let bus: Bus | null = null;
  try {
    db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
    const instanceId = randomUUID();
    const busLog = logger(config.logLevel);
    // The NATS client is loaded only by deployments that use it.
    bus = config.busUrl ? await (await import('./realtime/nats-bus.ts')).NatsBus.connect(config.busUrl, await deploymentId(db), instanceId, busLog)
      : config.databaseUrl ? await PgBus.connect(config.databaseUrl, instanceId, busLog)
      : new LocalBus(instanceId, busLog);
    const metrics = new Metrics();
    const services = createServices(config, db, bus, metrics);
    // Under the start-up lock, so instances starting at once create one admin between them.
    await db.exclusive(() => services.auth.ensureFirstAdmin(config.adminEmail, config.adminPassword, log));
    await services.sites.reload();
    const control = db.kind === 'pglite' && config.dataDir !== 'memory://' ? await listenControl(resolve(config.dataDir), db).catch((err) => {
      logger(config.logLevel).warn({ err }, `online backups are off (the control socket in ${config.dataDir} did not open)`);
      return null;
    }) : null;
    return serve({ config, server, readiness, services, url, port, control });
  } catch (err) {
    server.closeAllConnections();
    server.close();
    await bus?.close().catch(() => {});
    await db?.close().catch(() => {});
    throw err;
  }
}

function serve(opts: { config: Config; server: Server; readiness: Readiness; services: Services; url: string; port: number; control: NetServer | null }): RunningServer {
  const { config, server, readiness, services, url, port, control } = opts;
  const { bus, metrics, db } = services;
  const hub = new Hub(services);
  const customerConnected = (id: string) => hub.registry.customerSockets(id) > 0;
  services.customers.useSocketCheck(customerConnected);
  services.unreadReplies.useSocketCheck(customerConnected);
  services.customerPresence.start(() => hub.registry.customerIds());
  const app = createApp({ services, root: ROOT, connections: () => hub.connectionCounts() });
  const upgrade = upgradeHandler(hub);
  readiness.open(app.callback(), upgrade.handler);
  services.webhookWorker.start();
  services.mailWorker.start();
  services.attachments.sweeper.start();

  const release = async () => {
    // A delivery in flight finishes (or its lease expires and another instance resends it).
    await services.webhookWorker.stop();
    await services.mailWorker.stop();
    await services.attachments.sweeper.stop();
    await services.messages.settled();
    await services.customerPresence.stop();
    await new Promise((ok) => (control ? control.close(ok) : ok(null)));
    services.availability.close();
    await services.routing.close();
    await bus.close();
    metrics.close();
    await db.close();
  };
  let closing: Promise<void> | null = null;
  let stopping: Promise<boolean> | null = null;
  const close = () => (closing ??= stopping ? stopping.then(() => {}) : (async () => {
    readiness.phase = 'stopping';
    await hub.close();
    upgrade.close();
    server.closeAllConnections();
    await new Promise<void>((ok) => server.close(() => ok()));
    await release();
  })());

  const shutdown = () => (stopping ??= closing ? closing.then(() => true) : (async () => {
    // Still listening, so a load balancer reads 503 on /readyz; every other request and upgrade gets 503 too.
    readiness.phase = 'stopping';
    let closed: Promise<void> | null = null;
    const stopListening = () => (closed ??= new Promise<void>((ok) => server.close(() => ok())));
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<false>((ok) => (timer = setTimeout(() => ok(false), config.shutdownSeconds * 1000)));
    const graceful = (async () => {
      // Frames and requests taken before the signal finish first: their messages are acked and fanned out.
      await Promise.all([hub.drain(), readiness.idle()]);
      // Stop listening before the sockets learn of the restart, so their reconnects are refused at
      // once (a load balancer retries the next instance) rather than answered 503 here.
      const done = stopListening();
      await hub.close(CLOSE_RESTART, 'server restarting');
      server.closeIdleConnections();
      await done;
      return true as const;
    })();
    const inTime = await Promise.race([graceful, deadline]);
    clearTimeout(timer);
    // Late or not, what is left is cut now; the bus flushes its queued notifications as it closes.
    await hub.close();
    upgrade.close();
    const done = stopListening();
    server.closeAllConnections();
    await done;
    await release();
    return inTime;
  })());

  return { url, port, server, services, hub, readiness, close, shutdown };
}
