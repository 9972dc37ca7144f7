// `npm start`: the Parley server, plus the example host page on a second port.
import { startExampleHost } from './example-host.ts';
import { loadConfig } from './config.ts';
import { ROOT, startServer } from './start.ts';

const config = loadConfig();
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
    console.warn(`  example host page not started: ${(err as Error).message}`);
  }
}

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, async () => {
    if (stopping) process.exit(1);
    stopping = true;
    example?.server.close();
    await running.close();
    process.exit(0);
  });
}
