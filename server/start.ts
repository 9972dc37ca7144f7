import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig, type Config } from './config.ts';
import { openDatabase } from './db/orm.ts';
import { createApp } from './http/app.ts';
import { answerClientErrors, httpServerOptions } from './http/server-options.ts';
import { Metrics } from './metrics.ts';
import { LocalBus, type Bus } from './realtime/bus.ts';
import { PgBus } from './realtime/pg-bus.ts';
import { createServices, type Services } from './services/index.ts';
import { Hub } from './ws/hub.ts';
import { upgradeHandler } from './ws/upgrade.ts';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export interface RunningServer {
  url: string;
  port: number;
  server: Server;
  services: Services;
  hub: Hub;
  close(): Promise<void>;
}

/** Opens the database (running migrations), wires services, HTTP and WebSocket, and listens. */
export async function startServer(overrides: Partial<Config> = {}): Promise<RunningServer> {
  const config = { ...loadConfig(), ...overrides };
  const log = (line: string) => config.logLevel !== 'silent' && console.log(line);
  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  const instanceId = randomUUID();
  const bus: Bus = config.databaseUrl ? await PgBus.connect(config.databaseUrl, instanceId) : new LocalBus(instanceId);
  const metrics = new Metrics();
  const services = createServices(config, db, bus, metrics);
  await services.auth.ensureFirstAdmin(config.adminEmail, config.adminPassword, log);
  await services.sites.reload();

  const hub = new Hub(services);
  const app = createApp({ services, root: ROOT, connections: () => hub.connectionCounts() });
  const server = createServer(httpServerOptions(config.requestTimeoutMs), app.callback());
  answerClientErrors(server);
  const upgrade = upgradeHandler(hub);
  server.on('upgrade', upgrade.handler);
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(config.port, config.host, () => ok());
  });
  const port = (server.address() as AddressInfo).port;
  const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  const url = `http://${host}:${port}`;
  if (!config.publicUrl) config.publicUrl = url;

  let closing: Promise<void> | null = null;
  const close = () => (closing ??= (async () => {
    hub.close();
    upgrade.close();
    server.closeAllConnections();
    await new Promise<void>((ok) => server.close(() => ok()));
    await bus.close();
    metrics.close();
    await db.close();
  })());
  return { url, port, server, services, hub, close };
}
