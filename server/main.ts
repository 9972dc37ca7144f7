// `npm start`: the Parley server, plus the example host page on a second port.
import { startExampleHost } from './example-host.ts';
import { ConfigError, loadConfig, type Config } from './config.ts';
import { ROOT, startServer } from './start.ts';
import { logger } from './log.ts';

let config: Config;
try {
  config = loadConfig(process.env, (line) => console.warn(line));
} catch (err) {
  if (!(err instanceof ConfigError)) throw err;
  // Before any port is opened: every mistake, one line each.
  for (const problem of err.problems) console.error(`configuration: ${problem}`);
  process.exit(2);
}
const running = await startServer(config);
const publicUrl = running.services.config.publicUrl!;
console.log(`Parley is listening on ${running.url} (database: ${running.services.db.kind === 'pglite' ? `embedded PGlite in ${config.dataDir}` : 'PostgreSQL'})`);
console.log(`  console:  ${publicUrl}/console`);
console.log(`  widget:   ${publicUrl}/widget.js`);
let example: Awaited<ReturnType<typeof startExampleHost>> | null = null;
if (config.examplePort !== null) {
  try {
    example = await startExampleHost(running.services, ROOT, config.examplePort, publicUrl);
    console.log(`  example host page (another origin): ${example.url}`);
  } catch (err) {
    logger(config.logLevel).warn({ err }, 'example host page not started');
  }
}

// SIGTERM (and Ctrl-C): drain and stop within PARLEY_SHUTDOWN_SECONDS; a second signal stops at once.
let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, async () => {
    if (stopping) process.exit(1);
    stopping = true;
    // Closing the bus or the database could hang on a dead connection; past the bound plus a margin, exit anyway.
    setTimeout(() => process.exit(1), config.shutdownSeconds * 1000 + 5000).unref();
    example?.server.close();
    const inTime = await running.shutdown();
    logger(config.logLevel).info({ inTime }, inTime ? 'Parley stopped' : `Parley stopped after cutting what was still open at ${config.shutdownSeconds} s`);
    process.exit(inTime ? 0 : 1);
  });
}
